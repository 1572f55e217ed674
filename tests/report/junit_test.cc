// harness/report/junit.h: the JUnit XML every command can write.
#include "harness/report/junit.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

namespace harness::report {
namespace {

// A small well-formedness check, enough for what write_junit emits: after the XML declaration,
// every element closes in the order it opened, every attribute value is double-quoted, and no
// text or value holds a raw '<', a raw '>' or an '&' that starts no entity. Returns "" when the
// document passes, else the first problem.
std::string xml_problem(const std::string& xml) {
  const std::string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (xml.rfind(declaration, 0) != 0) return "no XML declaration";
  std::vector<std::string> open;
  const auto text_ok = [](const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '<' || text[i] == '>') return false;
      if (text[i] == '&') {
        const std::size_t end = text.find(';', i);
        const std::string entity = end == std::string::npos ? "" : text.substr(i, end - i + 1);
        if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && entity != "&#39;")
          return false;
      }
    }
    return true;
  };
  std::size_t at = declaration.size();
  while (at < xml.size()) {
    const std::size_t lt = xml.find('<', at);
    if (!text_ok(xml.substr(at, lt - at))) return "bad text before offset " + std::to_string(lt);
    if (lt == std::string::npos) break;
    // The tag ends at the first '>' outside quotes.
    std::size_t gt = lt + 1;
    for (bool quoted = false; gt < xml.size() && (quoted || xml[gt] != '>'); ++gt)
      if (xml[gt] == '"') quoted = !quoted;
    if (gt >= xml.size()) return "unclosed tag at " + std::to_string(lt);
    const std::string tag = xml.substr(lt + 1, gt - lt - 1);
    if (tag.empty()) return "empty tag at " + std::to_string(lt);
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "</" + tag.substr(1) + "> closes nothing open";
      open.pop_back();
    } else {
      const bool self_closing = tag.back() == '/';
      const std::string name = tag.substr(0, tag.find_first_of(" /"));
      // Attributes: name="value" pairs, values as text.
      std::size_t a = name.size();
      while (a < tag.size() && tag[a] != '/') {
        if (tag[a] == ' ') { ++a; continue; }
        const std::size_t eq = tag.find("=\"", a), close = eq == std::string::npos ? eq : tag.find('"', eq + 2);
        if (close == std::string::npos) return "unquoted attribute in <" + name + ">";
        if (!text_ok(tag.substr(eq + 2, close - eq - 2))) return "bad attribute value in <" + name + ">";
        a = close + 1;
      }
      if (!self_closing) open.push_back(name);
    }
    at = gt + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return "";
}

JunitCase passing(const std::string& name) { return {"deploysim.test", name, JunitResult::passed, "", "", "", "3 runs"}; }

}  // namespace

TEST_CASE("JUnit with a failure and a skipped case is well-formed XML with matching counts") {
  // Given a suite of one pass, one failure whose texts hold markup, and one skipped case, when
  // written, then the file is well-formed and both levels count 3 tests, 1 failure, 1 skipped.
  JunitSuite suite{"web <api> & \"co\"", {passing("holds")}, 1.5};
  suite.cases.push_back({"deploysim.test", "rolls back < 10 min", JunitResult::failed, "ended ROLLED_BACK & late",
                         "IntentViolated", "story: 'oom'\nReplay: deploysim run x.json", "100 runs"});
  suite.cases.push_back({"deploysim.test", "needs docker", JunitResult::skipped, "no engine", "", "", ""});
  std::ostringstream out;
  write_junit(out, "deploysim check", {suite});
  const std::string xml = out.str();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("<testsuites name=\"deploysim check\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\" "
                 "time=\"1.500\">") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"web &lt;api&gt; &amp; &quot;co&quot;\" tests=\"3\" failures=\"1\" errors=\"0\" "
                 "skipped=\"1\" time=\"1.500\">") != std::string::npos);
  CHECK(xml.find("<failure message=\"ended ROLLED_BACK &amp; late\" type=\"IntentViolated\">story: &#39;oom&#39;\n"
                 "Replay: deploysim run x.json</failure>") != std::string::npos);
  CHECK(xml.find("<skipped message=\"no engine\"/>") != std::string::npos);
}

TEST_CASE("JUnit writes a case's failure before its system-out, as the schema orders them") {
  JunitSuite suite{"s", {}, 0};
  suite.cases.push_back({"c", "n", JunitResult::failed, "m", "T", "d", "100 runs"});
  std::ostringstream out;
  write_junit(out, "r", {suite});
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"r\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n"
        "  <testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n"
        "    <testcase classname=\"c\" name=\"n\">\n"
        "      <failure message=\"m\" type=\"T\">d</failure>\n"
        "      <system-out>100 runs</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("JUnit counts errors apart from failures and sums the suites' times at the top") {
  // Given two suites, one with an error case, then the root counts both suites' cases and time.
  JunitSuite a{"a", {passing("one")}, 0.25};
  JunitSuite b{"b", {passing("two")}, 0.5};
  b.cases.push_back({"c", "crashed", JunitResult::error, "exit 134", "", "", ""});
  std::ostringstream out;
  write_junit(out, "deploysim lint", {a, b});
  CHECK(xml_problem(out.str()) == "");
  CHECK(out.str().find("<testsuites name=\"deploysim lint\" tests=\"3\" failures=\"0\" errors=\"1\" skipped=\"0\" "
                       "time=\"0.750\">") != std::string::npos);
  CHECK(out.str().find("<error message=\"exit 134\"></error>") != std::string::npos);
}

TEST_CASE("JUnit with no suites is an empty, well-formed report") {
  std::ostringstream out;
  write_junit(out, "deploysim check", {});
  CHECK(xml_problem(out.str()) == "");
  CHECK(out.str().find("tests=\"0\"") != std::string::npos);
}

}  // namespace harness::report
