// How `deploysim lint` prints its findings: one line each for people, grouped by severity
// (errors first), or a JSON array for tools.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "harness/lint/finding.h"
#include "harness/report/sarif.h"

namespace harness::lint {

// "error memory-below-peak at /taskDefinitions/1/containerDefinitions/0/memory: <message> —
// <why>" per finding, then a summary line naming `subject` (the file and the deployed revision):
// "lint: 1 error, 1 warning in <subject>" or "lint: no findings in <subject>".
void print_findings(std::ostream& out, const std::vector<Finding>& findings,
                    const std::string& subject);

// [{"severity": "error", "rule": ..., "pointer": ..., "message": ..., "why": ...}, ...]
nlohmann::json findings_json(const std::vector<Finding>& findings);

// The findings of one scenario file, as `lint FILE...` gathers them.
struct LintedFile {
  std::string path;  // as the user named it
  std::vector<Finding> findings;
};

// One SARIF run for every file: every rule of the catalog (rule_catalog.h) with its help, one
// result per finding placed at its line and column (finding_locator.h); "message — why" is the
// result's text, info findings are SARIF notes.
report::SarifRun lint_sarif_run(const std::vector<LintedFile>& files);

}  // namespace harness::lint
