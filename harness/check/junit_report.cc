#include "harness/check/junit_report.h"

#include <cstdio>

#include "harness/report/markup_escape.h"

namespace harness::check {

std::string xml_escape(const std::string& text) { return report::escape_markup(text); }

void write_junit(std::ostream& out, const std::string& scenario_name, const CheckReport& report,
                 const std::vector<std::string>& written, double seconds) {
  int failures = 0;
  for (const auto& v : report.verdicts) failures += v.holds ? 0 : 1;
  char time[32];
  std::snprintf(time, sizeof time, "%.3f", seconds);
  const std::string suite = xml_escape(scenario_name);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"deploysim check\" tests=\"" << report.verdicts.size() << "\" failures=\"" << failures
      << "\" time=\"" << time << "\">\n"
      << "  <testsuite name=\"" << suite << "\" tests=\"" << report.verdicts.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" time=\"" << time << "\">\n";
  for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
    const IntentVerdict& v = report.verdicts[i];
    out << "    <testcase classname=\"deploysim.check." << suite << "\" name=\"" << xml_escape(v.intent.name) << "\">\n";
    out << "      <system-out>" << v.runs << " runs</system-out>\n";
    if (!v.holds)
      out << "      <failure message=\"" << xml_escape(v.failure) << "\" type=\"IntentViolated\">"
          << xml_escape(v.story + "\nReplay: deploysim run " + written[i] + "; deploysim explain " + written[i])
          << "</failure>\n";
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace harness::check
