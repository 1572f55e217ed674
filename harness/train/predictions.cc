#include "harness/train/predictions.h"

#include <algorithm>
#include <cctype>

#include "harness/explain/causal_chain.h"
#include "harness/report/event_view.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"

namespace harness::train {
namespace {

using sim::observe::Outcome;
using sim::observe::TraceEvent;
namespace observe = sim::observe;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A steady-state run has no deployment to end: the question is what its faults cost the service.
Question capacity_question(const sim::observe::RunResult& r) {
  Question q{"No deployment runs. What do the faults do to the service's healthy capacity?",
             {{"n", "nothing: it never drops below its desired healthy count"},
              {"b", "below: fewer healthy tasks than desired for a while, never none"},
              {"z", "zero: at some point no task is healthy"}},
             "n",
             "It never dropped below its desired healthy count."};
  const auto& m = r.metrics;
  if (m.zero_healthy > sim::Millis{0}) {
    q.answer = "z";
    q.why = "It had no healthy task for " + sim::format_seconds(m.zero_healthy) + " (below desired for " +
            sim::format_seconds(m.below_desired_healthy) + ").";
  } else if (m.below_desired_healthy > sim::Millis{0}) {
    q.answer = "b";
    q.why = "It ran below its desired healthy count for " + sim::format_seconds(m.below_desired_healthy) +
            ", never with none.";
  }
  return q;
}

Question below_desired_question(const sim::observe::RunResult& r) {
  Question q{"For how long, in all, does it run below its desired healthy count?",
             {{"a", "under 1 minute"}, {"b", "between 1 and 5 minutes"}, {"l", "longer than 5 minutes"},
              {"n", "never"}},
             "n",
             "It never ran below its desired healthy count."};
  const sim::Millis below = r.metrics.below_desired_healthy;
  if (below > sim::Millis{0}) {
    q.answer = below < sim::minutes(1) ? "a" : below <= sim::minutes(5) ? "b" : "l";
    q.why = "Below desired for " + sim::format_seconds(below) + " in all.";
  }
  return q;
}

Question outcome_question(const sim::observe::RunResult& r) {
  Question q{"How will this deployment end?",
             {{"c", "COMPLETED: the new revision takes over"},
              {"r", "ROLLED_BACK: the circuit breaker trips and ECS rolls back"},
              {"f", "FAILED: the breaker trips and nothing rolls back"},
              {"s", "STUCK: it loops and never ends"}},
             "",
             ""};
  switch (r.outcome) {
    case Outcome::completed: q.answer = "c"; break;
    case Outcome::rolled_back: q.answer = "r"; break;
    case Outcome::failed: q.answer = "f"; break;
    case Outcome::stuck: q.answer = "s"; break;
    case Outcome::steady_state: return capacity_question(r);
  }
  q.why = "The run ended " + std::string(sim::observe::to_string(r.outcome)) + ".";
  return q;
}

Question when_question(const sim::observe::RunResult& r) {
  if (r.outcome == Outcome::steady_state) return below_desired_question(r);
  Question q{"When does it reach that end, counted from the deploy?",
             {{"a", "within 2 minutes"}, {"b", "between 2 and 10 minutes"}, {"l", "later than 10 minutes"},
              {"n", "never: no end before the horizon"}},
             "n",
             "It never ended: the run stopped at the horizon."};
  if (const auto t = r.metrics.time_to_outcome) {
    q.answer = *t <= sim::minutes(2) ? "a" : *t <= sim::minutes(10) ? "b" : "l";
    q.why = "It ended " + sim::format_seconds(*t) + " after the deploy.";
  }
  return q;
}

// Which check an event on a new task shows failing: "p", "e", "h", "t", or "" for none. A
// container stopped by SIGTERM or killed by the scenario's fault is no sign of the revision.
std::string first_check_key(const TraceEvent& e) {
  using Cause = observe::ContainerExitCause;
  if (const auto* t = e.as<observe::TaskStopped>(); t && t->code == sim::ecs::StopCode::task_failed_to_start)
    return "p";
  if (const auto* x = e.as<observe::ContainerExited>(); x && x->cause != Cause::sigterm && x->cause != Cause::fault_injected)
    return "e";
  if (const auto* h = e.as<observe::ContainerHealthChanged>(); h && h->status == sim::ecs::HealthStatus::unhealthy)
    return "h";
  if (const auto* t = e.as<observe::TargetHealthChanged>(); t && t->state == sim::ecs::TargetState::unhealthy)
    return "t";
  return "";
}

// The first sign of trouble on a task of the deployment under test (with a timeline, the one the
// last deploying UpdateService started), or on any task of a steady-state run, in the trace's order.
Question first_check_question(const sim::model::Scenario& s, const sim::observe::Trace& trace) {
  const std::optional<sim::ecs::DeploymentId> tested = explain::deployment_under_test(trace);
  Question q{s.deploy.none ? "Which check fires first on the service's tasks?" : "Which check fires first on the new tasks?",
             {{"e", "exit: a container exits by itself (a crash, an OOM kill)"},
              {"h", "health: the container health check turns UNHEALTHY"},
              {"t", "target: the load balancer's target check turns unhealthy"},
              {"p", "placement: tasks cannot be placed or started at all"},
              {"n", s.deploy.none ? "none: nothing fails on the service's tasks" : "none: nothing fails on the new tasks"}},
             "n",
             s.deploy.none ? "No task failed a check, exited or failed to start."
                           : "No new task failed a check, exited or failed to start."};
  std::vector<sim::ecs::TaskId> fresh;
  for (const TraceEvent& e : trace.events()) {
    if (const auto* l = e.as<observe::TaskLaunched>(); l && tested && l->deployment == *tested)
      fresh.push_back(l->task);
    const auto task = e.task();
    const bool ours = task && (s.deploy.none || std::find(fresh.begin(), fresh.end(), *task) != fresh.end());
    const std::string key = e.as<observe::PlacementFailed>() ? "p" : ours ? first_check_key(e) : "";
    if (key.empty()) continue;
    q.answer = key;
    q.why = "First sign, at " + sim::format_clock(e.at) + ": " + report::describe(e, s).text + ".";
    break;
  }
  return q;
}

}  // namespace

std::vector<Question> questions_for(const sim::model::Scenario& s, const sim::observe::RunResult& r,
                                    const sim::observe::Trace& trace) {
  return {outcome_question(r), when_question(r), first_check_question(s, trace)};
}

std::string match_choice(const Question& q, const std::string& typed) {
  std::string t = lower(typed);
  t.erase(0, t.find_first_not_of(" \t\r"));
  t.erase(t.find_last_not_of(" \t\r") + 1);
  if (t.empty()) return "";
  for (const Choice& c : q.choices) {
    const std::string first = lower(c.words.substr(0, c.words.find_first_of(":, ")));
    if (t == c.key || t == first) return c.key;
  }
  return "";
}

}  // namespace harness::train
