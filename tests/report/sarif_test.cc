#include "harness/report/sarif.h"

#include <catch2/catch.hpp>

#include "harness/report/markdown_table.h"

using harness::report::SarifLevel;

TEST_CASE("a SARIF result is placed in its file relative to the checkout and keeps its fingerprint") {
  // Given one rule and a result, when the log is written, then the result names the rule by index.
  harness::report::SarifRun run;
  run.rules.push_back({"memory-below-peak", "Memory below the peak", "Raise it.", SarifLevel::error});
  run.results.push_back({"memory-below-peak", SarifLevel::error, "128 MiB", "./scenarios/a b.json", 72,
                         11, "/taskDefinitions/1/containerDefinitions/0/memory", ""});
  const nlohmann::json log = harness::report::sarif_log(run);
  CHECK(log["version"] == "2.1.0");
  const nlohmann::json& result = log["runs"][0]["results"][0];
  CHECK(result["ruleIndex"] == 0);
  CHECK(result["level"] == "error");
  const nlohmann::json& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "scenarios/a%20b.json");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"]["startLine"] == 72);
  CHECK(result["partialFingerprints"]["deploysim/v1"] ==
        harness::report::stable_fingerprint(
            {"memory-below-peak", "./scenarios/a b.json", "/taskDefinitions/1/containerDefinitions/0/memory"}));
}

TEST_CASE("an absolute file is a file URI and a result of an unknown rule has no index") {
  harness::report::SarifRun run;
  run.results.push_back({"x", SarifLevel::note, "m", "/tmp/s.json", 1, 1, "", ""});
  const nlohmann::json result = harness::report::sarif_log(run)["runs"][0]["results"][0];
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///tmp/s.json");
  CHECK_FALSE(result.contains("ruleIndex"));
}

TEST_CASE("fingerprints separate their parts and are 16 hex digits") {
  using harness::report::stable_fingerprint;
  CHECK(stable_fingerprint({"ab", "c"}) != stable_fingerprint({"a", "bc"}));
  CHECK(stable_fingerprint({"ab", "c"}) == stable_fingerprint({"ab", "c"}));
  CHECK(stable_fingerprint({}).size() == 16);
}

TEST_CASE("a Markdown table escapes pipes and line breaks and aligns numbers right") {
  harness::report::MarkdownTable table({"measure", "base"}, {harness::report::Align::left, harness::report::Align::right});
  table.add_row({"a|b", "1\n2"});
  table.add_row({"short"});
  CHECK(table.render() == "| measure | base |\n|---|---:|\n| a\\|b | 1<br>2 |\n| short |  |\n");
}
