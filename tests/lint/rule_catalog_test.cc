#include "harness/lint/rule_catalog.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace {

using harness::lint::rule_catalog;
using harness::lint::RuleInfo;
using harness::lint::Severity;

// Every `add(Severity::<level>, "<id>"` in harness/lint's sources: the findings the rules can add.
std::map<std::string, std::string> rules_in_sources() {
  std::map<std::string, std::string> found;
  const std::regex add(R"(add\(\s*Severity::(\w+),\s*"([a-z-]+)\")");
  for (const auto& entry : std::filesystem::directory_iterator(DEPLOYSIM_SOURCE_DIR "/harness/lint")) {
    if (entry.path().extension() != ".cc") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), add), end; it != end; ++it)
      found[(*it)[2]] = (*it)[1];
  }
  return found;
}

}  // namespace

TEST_CASE("the catalog describes every rule the lint sources add, at the severity they add it") {
  // Given the rules' sources, when their findings' ids are collected, then the catalog has each once.
  const std::map<std::string, std::string> sources = rules_in_sources();
  REQUIRE(sources.size() >= 20);
  std::map<std::string, std::string> catalog;
  for (const RuleInfo& rule : rule_catalog()) {
    CHECK(catalog.count(std::string(rule.id)) == 0);
    catalog[std::string(rule.id)] = std::string(to_string(rule.severity));
  }
  CHECK(catalog == sources);
}

TEST_CASE("every rule has a title and help that says what to do") {
  for (const RuleInfo& rule : rule_catalog()) {
    INFO(rule.id);
    CHECK(!rule.title.empty());
    CHECK(rule.title.back() != '.');
    CHECK(rule.help.size() > 80);
    CHECK(harness::lint::find_rule(rule.id) == &rule);
  }
  CHECK(harness::lint::find_rule("no-such-rule") == nullptr);
}
