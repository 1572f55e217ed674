#include "harness/lint/lint.h"

#include <algorithm>

#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

using Rule = void (*)(const LintContext&, Findings&);

// In the order of a deploy's life: what the task is given, whether it starts and gets healthy,
// what the checks see, then how the service deploys it.
constexpr Rule kRules[] = {
    check_memory_below_peak,      check_missing_env,
    check_unreadable_secrets,     check_url_without_scheme,
    check_health_check_binary,    check_bind_localhost_with_lb,
    check_exit_on_unavailable,    check_dependency_wait, check_retry_gap,
    check_grace_period,           check_start_period,
    check_shallow_health_path,    check_deep_health_path,
    check_image_not_built,        check_cluster_capacity,
    check_breaker_disabled,       check_single_task_zero_min,
    check_deadlock_bounds,        check_alarms_not_enforced,
    check_bake_zero_with_alarms,  check_hook_timeout_continue,
};

}  // namespace

std::vector<Finding> lint(const sim::model::Scenario& scenario, const SourceMap& source) {
  const LintContext context{scenario, source};
  Findings findings;
  for (const Rule rule : kRules) rule(context, findings);
  std::vector<Finding> result = findings.take();
  std::stable_sort(result.begin(), result.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.severity) < static_cast<int>(b.severity);
  });
  return result;
}

}  // namespace harness::lint
