#include "harness/lint/finding_report.h"

#include <algorithm>

#include "harness/lint/finding_locator.h"
#include "harness/lint/rule_catalog.h"

namespace harness::lint {
namespace {

// "2 errors", "1 warning"; empty for none.
std::string count_of(const std::vector<Finding>& findings, Severity severity) {
  const auto n = std::count_if(findings.begin(), findings.end(),
                               [&](const Finding& f) { return f.severity == severity; });
  if (n == 0) return "";
  return std::to_string(n) + " " + std::string(to_string(severity)) + (n == 1 ? "" : "s");
}

report::SarifLevel sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return report::SarifLevel::error;
    case Severity::warning: return report::SarifLevel::warning;
    case Severity::info: return report::SarifLevel::note;
  }
  return report::SarifLevel::error;
}

}  // namespace

void print_findings(std::ostream& out, const std::vector<Finding>& findings,
                    const std::string& subject) {
  for (const Finding& f : findings)
    out << to_string(f.severity) << " " << f.rule << " at " << f.pointer << ": " << f.message
        << " — " << f.why << "\n";
  std::string counts;
  for (const Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    const std::string count = count_of(findings, severity);
    if (!count.empty()) counts += (counts.empty() ? "" : ", ") + count;
  }
  out << "lint: " << (counts.empty() ? "no findings" : counts) << " in " << subject << "\n";
}

nlohmann::json findings_json(const std::vector<Finding>& findings) {
  nlohmann::json array = nlohmann::json::array();
  for (const Finding& f : findings)
    array.push_back({{"severity", to_string(f.severity)},
                     {"rule", f.rule},
                     {"pointer", f.pointer},
                     {"message", f.message},
                     {"why", f.why}});
  return array;
}

report::SarifRun lint_sarif_run(const std::vector<LintedFile>& files) {
  report::SarifRun run;
  for (const RuleInfo& rule : rule_catalog())
    run.rules.push_back({std::string(rule.id), std::string(rule.title), std::string(rule.help),
                         sarif_level(rule.severity)});
  for (const LintedFile& file : files) {
    FindingLocator locator(file.path);
    for (const Finding& f : file.findings) {
      const FindingPosition at = locator.locate(f);
      run.results.push_back({f.rule, sarif_level(f.severity), f.message + " — " + f.why, at.file,
                             at.line, at.column, f.file.empty() ? f.pointer : f.file_pointer, ""});
    }
  }
  return run;
}

}  // namespace harness::lint
