// GitLab's Code Quality report (the JSON `artifacts:reports:codequality` takes), which GitLab shows
// in merge requests beside the changed lines: the same results as SARIF (sarif.h), in GitLab's
// shape — one object per result with a description, check_name, fingerprint, severity and
// location {path, lines: {begin}}.
#pragma once

#include <nlohmann/json.hpp>

#include "harness/report/sarif.h"

namespace harness::report {

// The run's results as a Code Quality array: SARIF error -> "critical", warning -> "major",
// note -> "info"; the fingerprint is the SARIF result's.
nlohmann::json code_quality_report(const SarifRun& run);

}  // namespace harness::report
