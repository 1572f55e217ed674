// grace-shorter-than-startup and start-period-shorter-than-startup: a health check that fails
// while the app is still starting condemns a task that would have become healthy. The scheduler
// ignores unhealthy checks during healthCheckGracePeriodSeconds (ecs-rules §4); Docker ignores
// failures during startPeriod (ecs-rules §5). Start-up is taken at its longest (high jitter),
// the checks' verdicts at their earliest (every probe failing at once), both from the start.
#include <algorithm>

#include "harness/lint/rules.h"
#include "harness/lint/startup_bounds.h"

namespace harness::lint {
namespace {

constexpr const char* kGraceWhy =
    "seed 003: a start-up slower than the window allowed for it failed every deploy; a task "
    "replaced while still starting counts as a failed task toward the circuit breaker (seed 000)";
constexpr const char* kStartPeriodWhy =
    "seed 000: the recommended check gives a ~40 s start-up a 60 s startPeriod; a check that "
    "turns UNHEALTHY gets the task replaced, in a loop if it always does (seed 004)";

// One health check that can condemn a task, and the start-up of the container it watches.
struct Watch {
  std::string check;         // "the target group", "the container check of \"web\""
  std::string verdict_from;  // "after registration", "after start"
  sim::Millis verdict{0};    // the earliest UNHEALTHY verdict
  std::string container;
  sim::Millis startup{0};
};

std::vector<Watch> watches(const LintContext& context) {
  std::vector<Watch> result;
  const sim::model::ServiceConfig& service = context.scenario.service;
  for (const sim::model::ContainerDefinition& container : context.deployed().containers) {
    const sim::model::AppProfile* profile = context.profile(container);
    if (profile == nullptr) continue;
    const sim::Millis startup = longest_startup(*profile);
    if (service.load_balancer && container.name == service.container_name_for_lb)
      result.push_back({"the target group", "after registration",
                        earliest_unhealthy(*service.load_balancer), container.name, startup});
    // Task health aggregates essential containers only (ecs-rules §5).
    if (container.health_check && container.essential)
      result.push_back({"the container check of \"" + container.name + "\"", "after start",
                        earliest_unhealthy(*container.health_check), container.name, startup});
  }
  return result;
}

}  // namespace

void check_grace_period(const LintContext& context, Findings& out) {
  const sim::Millis grace = context.scenario.service.health_check_grace_period;
  for (const Watch& watch : watches(context)) {
    if (std::max(grace, watch.verdict) >= watch.startup) continue;
    out.add(Severity::warning, "grace-shorter-than-startup",
            context.source.service("/healthCheckGracePeriodSeconds"),
            "grace period " + sim::format_seconds(grace) + " is shorter than the start-up of " +
                "container \"" + watch.container + "\" (up to " +
                sim::format_seconds(watch.startup) + "): " + watch.check +
                " can report it unhealthy " + sim::format_seconds(watch.verdict) + " " +
                watch.verdict_from + " and ECS replaces the task before the app is up",
            kGraceWhy);
    return;  // one grace period: one finding, for the first check that beats it
  }
}

void check_start_period(const LintContext& context, Findings& out) {
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::AppProfile* profile = context.profile(containers[i]);
    if (profile == nullptr || !containers[i].health_check) continue;
    const sim::model::ContainerHealthCheck& check = *containers[i].health_check;
    const sim::Millis startup = longest_startup(*profile);
    const sim::Millis verdict = earliest_unhealthy(check);
    if (verdict >= startup) continue;
    out.add(Severity::warning, "start-period-shorter-than-startup",
            context.container(i, "/healthCheck/startPeriod"),
            "startPeriod " + sim::format_seconds(check.start_period) + " with " +
                std::to_string(check.retries) + " retries every " +
                sim::format_seconds(check.interval) + " lets the check of container \"" +
                containers[i].name + "\" report UNHEALTHY " + sim::format_seconds(verdict) +
                " after start, before its start-up (up to " + sim::format_seconds(startup) +
                ") ends",
            kStartPeriodWhy);
  }
}

}  // namespace harness::lint
