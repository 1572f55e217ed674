#include "harness/report/junit.h"

#include <cstdio>

#include "harness/report/markup_escape.h"

namespace harness::report {
namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;

  void add(const JunitSuite& suite) {
    seconds += suite.seconds;
    for (const JunitCase& c : suite.cases) {
      ++tests;
      failures += c.result == JunitResult::failed;
      errors += c.result == JunitResult::error;
      skipped += c.result == JunitResult::skipped;
    }
  }
};

// ` tests="3" failures="1" errors="0" skipped="1" time="0.250"`
std::string attributes(const Counts& n) {
  char time[32];
  std::snprintf(time, sizeof time, "%.3f", n.seconds);
  return " tests=\"" + std::to_string(n.tests) + "\" failures=\"" + std::to_string(n.failures) + "\" errors=\"" +
         std::to_string(n.errors) + "\" skipped=\"" + std::to_string(n.skipped) + "\" time=\"" + time + "\"";
}

// <failure> or <error> with its message, type and details.
std::string problem(const char* element, const JunitCase& c) {
  std::string out = std::string("      <") + element + " message=\"" + escape_markup(c.message) + "\"";
  if (!c.type.empty()) out += " type=\"" + escape_markup(c.type) + "\"";
  return out + ">" + escape_markup(c.details) + "</" + element + ">\n";
}

void write_case(std::ostream& out, const JunitCase& c) {
  out << "    <testcase classname=\"" << escape_markup(c.classname) << "\" name=\"" << escape_markup(c.name) << "\">\n";
  switch (c.result) {
    case JunitResult::passed: break;
    case JunitResult::skipped: out << "      <skipped message=\"" << escape_markup(c.message) << "\"/>\n"; break;
    case JunitResult::error: out << problem("error", c); break;
    case JunitResult::failed: out << problem("failure", c); break;
  }
  if (!c.system_out.empty()) out << "      <system-out>" << escape_markup(c.system_out) << "</system-out>\n";
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(std::ostream& out, const std::string& report_name, const std::vector<JunitSuite>& suites) {
  Counts all;
  for (const JunitSuite& suite : suites) all.add(suite);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"" << escape_markup(report_name) << "\"" << attributes(all) << ">\n";
  for (const JunitSuite& suite : suites) {
    Counts n;
    n.add(suite);
    out << "  <testsuite name=\"" << escape_markup(suite.name) << "\"" << attributes(n) << ">\n";
    for (const JunitCase& c : suite.cases) write_case(out, c);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace harness::report
