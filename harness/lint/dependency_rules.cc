// dependency-wait-too-short and exits-on-unavailable-dependency: a start-up phase that connects
// to a dependency (connectsTo) against the moment the scenario says that dependency is up. The
// simulator checks a phase's connections when the phase starts and, when one is down, exits at
// once (onUnavailable "exit") or waits up to waitTimeoutSeconds and then exits
// (sim/world/container_plan.cc). Both rules take the dependency at its worst — readiness at the
// high end of readyAfterSeconds, then any outage or injected fault covering that moment, on the
// simulator's own DependencySchedule — and the task at its fastest: launched when the deploy
// starts and reaching the phase after provisioning, pull and the earlier phases at the low end of
// their jitter (startup_bounds.h). A later task only finds the dependency readier.
#include <algorithm>
#include <string>
#include <vector>

#include "harness/lint/rules.h"
#include "harness/lint/startup_bounds.h"
#include "sim/world/dependency_schedule.h"

namespace harness::lint {
namespace {

constexpr const char* kWaitWhy =
    "seed 003: the \"Wait for services to be ready\" step gave PostgreSQL and Redis 30 s, less "
    "than they took to become ready, and timed out (exit 124); the fix waited 60 s";
constexpr const char* kRetryWhy =
    "seed 003's plan asks for \"retry logic for PostgreSQL and Redis health checks with exponential "
    "backoff\"; uncapped, the backoff wastes the 60 s wait its fix chose "
    "(scenarios/incidents/003-deps-wait-60s-backoff-uncapped.json)";
constexpr const char* kExitWhy =
    "seed 004: Kafka started before ZooKeeper was ready, got \"Connection refused\" on "
    "localhost:2181 and exited; the fix restarted ZooKeeper first and waited 45 s";

// When each dependency is up at the latest, from the deploy's start.
class WorstReadiness {
 public:
  explicit WorstReadiness(const sim::model::Scenario& scenario)
      : deploy_at_(scenario.deploy.at),
        schedule_(latest_draws(scenario.dependencies), scenario.faults,
                  sim::RngStreams(scenario.seed)) {}

  // How long after the deploy starts `name` is first up, at the latest; kNever when it never is
  // (reachable false). A name the scenario does not describe is always up, as in the simulator.
  sim::Millis first_up(const std::string& name) const {
    const sim::Millis up = schedule_.next_up(name, deploy_at_);
    return up >= sim::kNever ? sim::kNever : up - deploy_at_;
  }

 private:
  // The dependencies with readiness drawn at the high end of readyAfterSeconds.
  static std::vector<sim::model::DependencyProfile> latest_draws(
      std::vector<sim::model::DependencyProfile> dependencies) {
    for (sim::model::DependencyProfile& dependency : dependencies)
      dependency.ready_after_min = std::max(dependency.ready_after_min, dependency.ready_after_max);
    return dependencies;
  }

  sim::Millis deploy_at_;
  sim::world::DependencySchedule schedule_;
};

// When a connection target is up at the latest, from the deploy's start, in words for findings.
struct Availability {
  sim::Millis up;
  std::string words;  // "postgres may not be up until 60 s"
};

// A container of the same task (seed 004's one-task fix) starts together with the one that
// connects to it unless dependsOn holds that one back until it is HEALTHY (task definition
// parameters, dependsOn); at worst it listens after its longest start-up. Anything else is a
// dependency of the scenario.
Availability availability(const LintContext& context, const WorstReadiness& readiness,
                          const sim::model::ContainerDefinition& container,
                          const std::string& name) {
  for (const sim::model::ContainerDefinition& sibling : context.deployed().containers) {
    if (sibling.name != name || &sibling == &container) continue;
    for (const sim::model::ContainerDependency& order : container.depends_on)
      if (order.container_name == name && order.condition == sim::model::DependencyCondition::healthy)
        return {sim::Millis{0}, name + " is HEALTHY first (dependsOn)"};
    const sim::model::AppProfile* profile = context.profile(sibling);
    const sim::Millis started = profile == nullptr ? sim::Millis{0}
                                                   : earliest_phase_start(*profile, 0, context.scenario.platform);
    const sim::Millis up = profile == nullptr ? sim::Millis{0} : started + longest_startup(*profile);
    return {up, name + ", a container of the same task started with it (no dependsOn HEALTHY), may not "
                "listen until " + sim::format_seconds(up)};
  }
  const sim::Millis up = readiness.first_up(name);
  if (up >= sim::kNever) return {up, name + " is never reachable (reachable false)"};
  return {up, name + " may not be up until " + sim::format_seconds(up)};
}

// "phase \"connect Postgres\" of backend:1.4.0"
std::string phase_of(const sim::model::StartupPhase& phase, const std::string& image) {
  return "phase \"" + phase.name + "\" of " + image;
}

// Calls `visit(container, profile, phase index, phase, dependency)` for every dependency a phase
// of a deployed container's app connects to with `policy`.
template <class Visit>
void for_each_connection(const LintContext& context, sim::model::OnUnavailable policy,
                         Visit visit) {
  for (const sim::model::ContainerDefinition& container : context.deployed().containers) {
    const sim::model::AppProfile* profile = context.profile(container);
    if (profile == nullptr) continue;
    for (std::size_t p = 0; p < profile->phases.size(); ++p) {
      const sim::model::StartupPhase& phase = profile->phases[p];
      if (phase.on_unavailable != policy) continue;
      for (const std::string& dependency : phase.connects_to)
        visit(container, *profile, p, phase, dependency);
    }
  }
}

}  // namespace

void check_dependency_wait(const LintContext& context, Findings& out) {
  const WorstReadiness readiness(context.scenario);
  for_each_connection(
      context, sim::model::OnUnavailable::wait,
      [&](const sim::model::ContainerDefinition& container,
          const sim::model::AppProfile& profile, std::size_t p,
          const sim::model::StartupPhase& phase, const std::string& dependency) {
        const Availability target = availability(context, readiness, container, dependency);
        const sim::Millis reached = earliest_phase_start(profile, p, context.scenario.platform);
        if (target.up <= reached + phase.wait_timeout) return;
        out.add(Severity::warning, "dependency-wait-too-short",
                context.source.app(container.image,
                                   "/phases/" + std::to_string(p) + "/waitTimeoutSeconds"),
                phase_of(phase, container.image) + " waits up to " +
                    sim::format_seconds(phase.wait_timeout) + " for " + dependency + ", from " +
                    sim::format_seconds(reached) + " after the deploy starts at the earliest; " +
                    target.words + ": an early task gives up and exits " +
                    std::to_string(phase.exit_code) + ", a failed task toward the circuit breaker",
                kWaitWhy);
      });
}

// More than this share of a wait after its last attempt is a gap worth a warning.
constexpr int kRetryGapQuarters = 1;

void check_retry_gap(const LintContext& context, Findings& out) {
  for (const sim::model::ContainerDefinition& container : context.deployed().containers) {
    const sim::model::AppProfile* profile = context.profile(container);
    if (profile == nullptr) continue;
    for (std::size_t p = 0; p < profile->phases.size(); ++p) {
      const sim::model::StartupPhase& phase = profile->phases[p];
      if (phase.on_unavailable != sim::model::OnUnavailable::wait || phase.connects_to.empty() ||
          phase.retry.tight())
        continue;
      // The attempts within the wait, as the world makes them (sim/model/retry_policy.h): the
      // first eight by name, then the last one.
      const sim::Millis last = phase.retry.attempts_around(sim::Millis{0}, phase.wait_timeout).last_by;
      std::string attempts = "0 s";
      sim::Millis at{0};
      sim::Millis delay = phase.retry.first_delay();
      for (int listed = 1; at + delay <= last; ++listed, delay = phase.retry.grow(delay)) {
        at += delay;
        if (listed == 8) {
          attempts += " ...";
          break;
        }
        attempts += ", " + sim::format_seconds(at);
      }
      const sim::Millis gap = phase.wait_timeout - last;
      if (gap * 4 <= phase.wait_timeout * kRetryGapQuarters) continue;
      out.add(Severity::warning, "retry-gap-before-timeout",
              context.source.app(container.image, "/phases/" + std::to_string(p) + "/retry"),
              phase_of(phase, container.image) + " retries at " + attempts + " into its " +
                  sim::format_seconds(phase.wait_timeout) + " wait and not again: a dependency up in its last " +
                  sim::format_seconds(gap) + " is never asked, and the task exits " +
                  std::to_string(phase.exit_code) + " at the timeout (cap the backoff with maxIntervalSeconds)",
              kRetryWhy);
    }
  }
}

void check_exit_on_unavailable(const LintContext& context, Findings& out) {
  const WorstReadiness readiness(context.scenario);
  for_each_connection(
      context, sim::model::OnUnavailable::exit,
      [&](const sim::model::ContainerDefinition& container,
          const sim::model::AppProfile& profile, std::size_t p,
          const sim::model::StartupPhase& phase, const std::string& dependency) {
        const Availability target = availability(context, readiness, container, dependency);
        const sim::Millis reached = earliest_phase_start(profile, p, context.scenario.platform);
        if (target.up <= reached) return;
        out.add(Severity::error, "exits-on-unavailable-dependency",
                context.source.app(container.image,
                                   "/phases/" + std::to_string(p) + "/onUnavailable"),
                phase_of(phase, container.image) + " exits " +
                    std::to_string(phase.exit_code) + " at once when " + dependency +
                    " is down, from " + sim::format_seconds(reached) +
                    " after the deploy starts at the earliest; " + target.words +
                    ": every task that gets there sooner crashes, a failed task toward the "
                    "circuit breaker",
                kExitWhy);
      });
}

}  // namespace harness::lint
