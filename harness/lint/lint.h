// `deploysim lint`: static pre-deploy checks drawn from the incidents in shared/seeds. The rules
// (rules.h) read the scenario — the task definition being deployed, its app profiles, the service
// and its target group — and never run it, so a lint takes microseconds and can gate CI.
#pragma once

#include <vector>

#include "harness/lint/finding.h"
#include "harness/lint/source_map.h"
#include "sim/model/scenario.h"

namespace harness::lint {

// Every finding of every rule, errors first, then warnings, then infos; within a severity in
// rule order (lint.cc) and, within a rule, in container order. `source` places them in the file.
std::vector<Finding> lint(const sim::model::Scenario& scenario, const SourceMap& source = {});

}  // namespace harness::lint
