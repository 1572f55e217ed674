#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "banned_api.h"

namespace tidy {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("sim uses no wall clock, unseeded randomness, unordered iteration or I/O") {
  // Given every .h and .cc under sim/, when each is scanned for banned APIs, then none is found;
  // a failure names file:line, the rule and why (STYLE.md "Determinism by construction").
  const fs::path root = fs::path(DEPLOYSIM_SOURCE_DIR);
  int files = 0;
  std::ostringstream report;
  for (const auto& entry : fs::recursive_directory_iterator(root / "sim")) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || (path.extension() != ".h" && path.extension() != ".cc"))
      continue;
    ++files;
    for (const Violation& v : find_banned(read_file(path)))
      report << fs::relative(path, root).generic_string() << ":" << v.line << ": " << v.banned
             << " (" << v.why << ")\n    " << v.text << "\n";
  }
  INFO(report.str());
  CHECK(report.str().empty());
  CHECK(files >= 20);  // the scan really looked at sim/, not at an empty or wrong directory
}

TEST_CASE("the control plane never includes the simulated world: it hears traffic only as a world reports it") {
  // Given every file under sim/ecs, when its includes are read, then none reaches into sim/world
  // (the controller talks to any world through sim/ecs/runtime.h only).
  const fs::path root = fs::path(DEPLOYSIM_SOURCE_DIR);
  int files = 0;
  std::ostringstream report;
  for (const auto& entry : fs::recursive_directory_iterator(root / "sim" / "ecs")) {
    if (!entry.is_regular_file()) continue;
    ++files;
    for (const Violation& v : find_includes_of(read_file(entry.path()), "sim/world/"))
      report << fs::relative(entry.path(), root).generic_string() << ":" << v.line << ": " << v.text << "\n";
  }
  INFO(report.str());
  CHECK(report.str().empty());
  CHECK(files >= 30);
}

TEST_CASE("the layer scanner names the include that crosses a layer, with its line") {
  // Given a file whose second line includes the world, when scanned for sim/world/, then one
  // violation on line 2; an include of sim/ecs passes.
  const auto found = find_includes_of("#include \"sim/ecs/runtime.h\"\n#include \"sim/world/traffic_meter.h\"\n",
                                      "sim/world/");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 2);
}

TEST_CASE("the scanner reports a banned call with its line number") {
  // Given source whose third line calls std::rand, when scanned, then one violation on line 3.
  const auto found = find_banned("#include <cstdlib>\n\nint roll() { return std::rand() % 6; }\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 3);
  CHECK(found[0].banned == "rand()/srand()");
}

TEST_CASE("the scanner catches each banned API family") {
  // Given one line per banned API, when each is scanned alone, then each yields a violation.
  const char* lines[] = {
      "auto t = std::chrono::system_clock::now();",
      "auto t = std::chrono::steady_clock::now();",
      "using C = std::chrono::high_resolution_clock;",
      "std::time_t now = std::time(nullptr);",
      "long now = time(NULL);",
      "std::random_device rd;",
      "srand(42);",
      "std::uniform_int_distribution<int> d(0, 9);",
      "std::normal_distribution<double> d;",
      "std::exponential_distribution<> d(1.0);",
      "std::unordered_map<int, int> m;",
      "std::unordered_set<int> s;",
      "std::mt19937 gen(1);",
      "const char* home = std::getenv(\"HOME\");",
      "FILE* f = fopen(\"x\", \"r\");",
      "std::ifstream in(path);",
      "std::ofstream out(path);",
      "#include \"harness/cli/main.h\"",
      "std::map<const Task*, int> by_task;",
  };
  for (const char* line : lines) {
    INFO(line);
    CHECK(find_banned(line).size() == 1);
  }
}

TEST_CASE("the scanner ignores comments, string literals and look-alike names") {
  // Given banned words only in comments, strings and longer identifiers, when scanned, then
  // nothing is reported.
  const char* source =
      "// std::rand() would not be portable\n"
      "int x = 1;  // nor std::random_device\n"
      "/* std::unordered_map is banned,\n"
      "   and so is getenv */\n"
      "const char* msg = \"time(nullptr) and rand() in a message\";\n"
      "const char* url = \"http://localhost:8080/health\"; int y = 2;\n"
      "constexpr long kMinute = 60'000;  char q = '\\'';\n"
      "Millis next_time(); int operand(int); Millis Clock::time() const;\n"
      "std::string runtime(); bool strand(int);\n"
      "std::map<int, Task*> by_id; // pointers as values are fine\n";
  const auto found = find_banned(source);
  std::ostringstream lines;
  for (const Violation& v : found) lines << v.line << ": " << v.banned << "\n";
  INFO(lines.str());
  CHECK(found.empty());
}

TEST_CASE("code after a closing block comment is still scanned") {
  // Given a banned call after the end of a /* */ comment on the same line, when scanned, then it
  // is reported.
  const auto found = find_banned("/* a\n comment */ std::random_device rd;\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 2);
}

}  // namespace
}  // namespace tidy
