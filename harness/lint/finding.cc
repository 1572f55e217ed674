#include "harness/lint/finding.h"

#include <algorithm>

namespace harness::lint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

void Findings::add(Severity severity, std::string rule, const Location& where, std::string message,
                   std::string why) {
  findings_.push_back({severity, std::move(rule), where.pointer, std::move(message) + where.note,
                       std::move(why), where.file, where.file_pointer});
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace harness::lint
