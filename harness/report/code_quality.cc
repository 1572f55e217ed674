#include "harness/report/code_quality.h"

namespace harness::report {
namespace {

const char* severity(SarifLevel level) {
  switch (level) {
    case SarifLevel::error: return "critical";
    case SarifLevel::warning: return "major";
    case SarifLevel::note: return "info";
  }
  return "major";
}

}  // namespace

nlohmann::json code_quality_report(const SarifRun& run) {
  nlohmann::json issues = nlohmann::json::array();
  for (const SarifResult& r : run.results) {
    std::string path = r.file;
    while (path.rfind("./", 0) == 0) path.erase(0, 2);
    issues.push_back({{"description", r.message},
                      {"check_name", r.rule_id},
                      {"fingerprint", result_fingerprint(r)},
                      {"severity", severity(r.level)},
                      {"location", {{"path", path}, {"lines", {{"begin", r.line}}}}}});
  }
  return issues;
}

}  // namespace harness::report
