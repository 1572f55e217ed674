// Every lint rule as tools outside deploysim need it: its stable id, the severity it reports, a
// one-line title and a paragraph of help (what it checks, why it matters, how to fix it). SARIF
// (`lint --sarif`) lists these as the run's rules, so GitHub code scanning and other SARIF viewers
// can show the help beside each result. rules.h documents the same rules for readers of the code;
// tests/lint/rule_catalog_test.cc keeps the two lists of ids the same.
#pragma once

#include <string_view>
#include <vector>

#include "harness/lint/finding.h"

namespace harness::lint {

struct RuleInfo {
  std::string_view id;     // as in Finding::rule: "memory-below-peak"
  Severity severity;       // the severity the rule reports its findings at
  std::string_view title;  // one sentence, no trailing period
  std::string_view help;   // what goes wrong, the incident behind it, and the fix
};

// The rules in lint.cc's order (a deploy's life).
const std::vector<RuleInfo>& rule_catalog();

// The rule with `id`, or nullptr when there is none.
const RuleInfo* find_rule(std::string_view id);

}  // namespace harness::lint
