// The documents stay true to the code: every ECS rule the code cites ("ecs-rules §3.1",
// "ecs-rules §3.1", "open q. 2") has its section in docs/ecs-rules.md, and every relative link in
// README.md and docs/ points at a file that exists.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace tidy {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(DEPLOYSIM_SOURCE_DIR);

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Section numbers of docs/ecs-rules.md: "## 2. ..." gives "2", "### 3.1 ..." gives "3.1".
std::set<std::string> rule_sections(const std::string& doc) {
  std::set<std::string> sections;
  static const std::regex heading(R"(^#{2,4} +([0-9]+(?:\.[0-9]+)*)\.? )");
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) sections.insert(m[1]);
  }
  return sections;
}

// Numbers of the open questions: the numbered list under "## Open questions".
std::set<std::string> open_questions(const std::string& doc) {
  std::set<std::string> numbers;
  static const std::regex item(R"(^([0-9]+)\. )");
  std::istringstream lines(doc);
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## ", 0) == 0) inside = line.rfind("## Open questions", 0) == 0;
    std::smatch m;
    if (inside && std::regex_search(line, m, item)) numbers.insert(m[1]);
  }
  return numbers;
}

struct Citation {
  std::string where;  // file:line
  std::string what;   // "§3.1" or "open q. 2"
  std::string number;
};

// Citations in one file's text. The section sign is matched as UTF-8 and as the JSON escape
// \u00a7; a § after "RFC nnnn" cites that RFC, not our rules.
std::vector<Citation> citations(const std::string& text, const std::string& file) {
  static const std::regex section(R"((RFC ?[0-9]+ *)?(?:\xC2\xA7|\\u00a7) ?([0-9]+(?:\.[0-9]+)*))");
  static const std::regex question(R"(open (?:q\.|question) ?([0-9]+))", std::regex::icase);
  std::vector<Citation> found;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string where = file + ":" + std::to_string(number);
    for (std::sregex_iterator it(line.begin(), line.end(), section), end; it != end; ++it)
      if (!(*it)[1].matched) found.push_back({where, "\xC2\xA7" + (*it)[2].str(), (*it)[2]});
    for (std::sregex_iterator it(line.begin(), line.end(), question), end; it != end; ++it)
      found.push_back({where, "open q. " + (*it)[1].str(), "q" + (*it)[1].str()});
  }
  return found;
}

bool is_text_source(const fs::path& path) {
  static const std::set<std::string> kinds = {".h", ".cc", ".py", ".sh", ".cmake", ".json", ".txt", ".md", ".yaml"};
  return kinds.count(path.extension().string()) > 0 || path.filename() == "CMakeLists.txt" ||
         path.filename() == "Dockerfile";
}

TEST_CASE("every rule section the code cites exists in docs/ecs-rules.md") {
  // Given every source, script and scenario under sim/, harness/, docker/, tests/ and scenarios/,
  // when each "§N[.M]" and "open q. N" is looked up in docs/ecs-rules.md, then each is found; a
  // failure names file:line and the missing section.
  const std::string doc = read_file(kRoot / "docs" / "ecs-rules.md");
  const std::set<std::string> sections = rule_sections(doc);
  const std::set<std::string> questions = open_questions(doc);
  REQUIRE(sections.count("1.1") == 1);  // the document was found and its headings parsed
  REQUIRE(questions.count("2") == 1);
  int cited = 0;
  std::ostringstream missing;
  for (const char* dir : {"sim", "harness", "docker", "tests", "scenarios"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kRoot / dir)) {
      const fs::path& path = entry.path();
      if (!entry.is_regular_file() || !is_text_source(path)) continue;
      const std::string rel = fs::relative(path, kRoot).generic_string();
      if (rel.rfind("tests/tidy/", 0) == 0) continue;  // this test's own patterns
      for (const Citation& c : citations(read_file(path), rel)) {
        ++cited;
        const bool known = c.number[0] == 'q' ? questions.count(c.number.substr(1)) > 0 : sections.count(c.number) > 0;
        if (!known) missing << c.where << ": " << c.what << " has no section in docs/ecs-rules.md\n";
      }
    }
  }
  INFO(missing.str());
  CHECK(missing.str().empty());
  CHECK(cited >= 100);  // the scan really read the code's citations
}

TEST_CASE("the citation scanner reads sections, open questions and skips RFCs") {
  // Given lines citing our rules, an RFC and the JSON escape, when scanned, then exactly ours.
  const auto found = citations(
      "// (reference \xC2\xA7" "1.2.) and \xC2\xA7" "3.3\n"
      "// \"~1\" is \"/\" (RFC 6901 \xC2\xA7" "4).\n"
      "\"source\": \"reference \\u00a7" "7.3\" // ecs-rules open q. 10, open question 8\n",
      "f");
  std::vector<std::string> what;
  for (const Citation& c : found) what.push_back(c.what);
  CHECK(what == std::vector<std::string>{"\xC2\xA7" "1.2", "\xC2\xA7" "3.3", "\xC2\xA7" "7.3", "open q. 10",
                                         "open q. 8"});
  CHECK(found[2].where == "f:3");
}

// Relative link targets of one Markdown file: ](target) and <img src="target">, without anchors.
std::vector<std::string> relative_links(const std::string& text) {
  static const std::regex link(R"re(\]\(([^)\s]+)\)|src="([^"]+)")re");
  std::vector<std::string> targets;
  for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
    std::string target = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
    if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0 || target[0] == '#') continue;
    target = target.substr(0, target.find('#'));
    if (!target.empty()) targets.push_back(target);
  }
  return targets;
}

TEST_CASE("every relative link in README.md and docs/ resolves") {
  // Given README.md, scenarios/**/README.md and every docs/*.md, when each relative link is
  // resolved against the file's folder, then the target exists.
  std::vector<fs::path> pages = {kRoot / "README.md", kRoot / "scenarios" / "README.md",
                                 kRoot / "scenarios" / "sweeps" / "README.md"};
  for (const auto& entry : fs::directory_iterator(kRoot / "docs"))
    if (entry.path().extension() == ".md") pages.push_back(entry.path());
  int links = 0;
  std::ostringstream broken;
  for (const fs::path& page : pages) {
    for (const std::string& target : relative_links(read_file(page))) {
      ++links;
      if (!fs::exists(page.parent_path() / target))
        broken << fs::relative(page, kRoot).generic_string() << ": " << target << " does not exist\n";
    }
  }
  INFO(broken.str());
  CHECK(broken.str().empty());
  CHECK(links >= 10);
}

}  // namespace
}  // namespace tidy
