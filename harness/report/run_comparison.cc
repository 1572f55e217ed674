#include "harness/report/run_comparison.h"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <variant>

#include "harness/report/event_view.h"

namespace harness::report {
namespace {

using sim::observe::TraceEvent;
using sim::observe::TraceKind;
namespace observe = sim::observe;

bool is_milestone(TraceKind k) {
  switch (k) {
    case TraceKind::service_event:
    case TraceKind::deployment_state:
    case TraceKind::task_launched:
    case TraceKind::task_state:
    case TraceKind::task_stopped:
    case TraceKind::container_exited:
    case TraceKind::container_health:
    case TraceKind::target_health:
    case TraceKind::breaker_count:
      return true;
    default:
      return false;
  }
}

// Two milestones are "the same thing happening" when kind, task and values agree; a service
// event's words must agree too. Times and free-text details (a container's exit detail is
// real-world text) may differ.
struct SameMilestone {
  bool operator()(const observe::ServiceEvent& x, const observe::ServiceEvent& y) const {
    return x.message == y.message;
  }
  bool operator()(const observe::DeploymentStateChanged& x, const observe::DeploymentStateChanged& y) const {
    return x.state == y.state;
  }
  bool operator()(const observe::TaskLaunched& x, const observe::TaskLaunched& y) const {
    return x.task == y.task && x.task_definition == y.task_definition;
  }
  bool operator()(const observe::TaskStateChanged& x, const observe::TaskStateChanged& y) const {
    return x.task == y.task && x.state == y.state;
  }
  bool operator()(const observe::TaskStopped& x, const observe::TaskStopped& y) const {
    return x.task == y.task && x.code == y.code;
  }
  bool operator()(const observe::ContainerExited& x, const observe::ContainerExited& y) const {
    return x.task == y.task && x.container_index == y.container_index && x.exit_code == y.exit_code;
  }
  bool operator()(const observe::ContainerHealthChanged& x, const observe::ContainerHealthChanged& y) const {
    return x.task == y.task && x.container_index == y.container_index && x.status == y.status;
  }
  bool operator()(const observe::TargetHealthChanged& x, const observe::TargetHealthChanged& y) const {
    return x.task == y.task && x.state == y.state;
  }
  bool operator()(const observe::BreakerCounted& x, const observe::BreakerCounted& y) const {
    return x.failed_tasks == y.failed_tasks && x.threshold == y.threshold;
  }
  // Different kinds, or kinds that are no milestones.
  template <class X, class Y>
  bool operator()(const X&, const Y&) const {
    return false;
  }
};

bool same(const TraceEvent& a, const TraceEvent& b) { return std::visit(SameMilestone{}, a.payload, b.payload); }

std::vector<MilestoneMatch> longest_common(const std::vector<TraceEvent>& s, const std::vector<TraceEvent>& r) {
  const std::size_t n = s.size();
  const std::size_t m = r.size();
  std::vector<std::vector<std::uint32_t>> len(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      len[i][j] = same(s[i], r[j]) ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
  std::vector<MilestoneMatch> out;
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (same(s[i], r[j])) {
      out.push_back({i, j, r[j].at - s[i].at});
      ++i;
      ++j;
    } else if (len[i + 1][j] >= len[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

std::string span(const std::optional<sim::Millis>& m) { return m ? sim::format_seconds(*m) : std::string("n/a"); }

}  // namespace

std::vector<TraceEvent> milestones(const sim::observe::Trace& trace) {
  std::vector<TraceEvent> out;
  for (const TraceEvent& e : trace.events())
    if (is_milestone(e.kind())) out.push_back(e);
  return out;
}

std::vector<std::string> deployment_sequence(const sim::observe::Trace& trace) {
  std::vector<std::string> out;
  for (const TraceEvent& e : trace.events())
    if (const auto* d = std::get_if<observe::DeploymentStateChanged>(&e.payload))
      out.push_back("ecs-svc/" + std::to_string(d->deployment) + " " + std::string(sim::ecs::to_string(d->state)) +
                    (d->rollback ? " (rollback)" : ""));
  return out;
}

RunComparison compare_runs(const ComparedRun& simulated, const ComparedRun& real) {
  RunComparison c;
  c.outcomes_agree = simulated.result.outcome == real.result.outcome;
  c.simulated_deployments = deployment_sequence(simulated.trace);
  c.real_deployments = deployment_sequence(real.trace);
  c.deployments_agree = c.simulated_deployments == c.real_deployments;
  c.simulated = milestones(simulated.trace);
  c.real = milestones(real.trace);
  c.matched = longest_common(c.simulated, c.real);
  std::vector<sim::Millis> deltas;
  for (const MilestoneMatch& m : c.matched) deltas.push_back(m.delta < sim::Millis{0} ? -m.delta : m.delta);
  std::sort(deltas.begin(), deltas.end());
  if (!deltas.empty()) {
    c.median_abs_delta = deltas[deltas.size() / 2];
    c.max_abs_delta = deltas.back();
  }
  return c;
}

namespace {

// Requests since the deploy: modelled from the app profiles in the simulator, measured from real
// answers by real mode's load generator (each real request standing for a sample of them).
template <typename Row>
void print_traffic(const Row& row, const sim::observe::Metrics& sm, const sim::observe::Metrics& rm) {
  auto share = [](std::int64_t part, std::int64_t whole) {
    std::ostringstream text;
    text << part;
    if (whole > 0) text << " (" << std::fixed << std::setprecision(1) << 100.0 * static_cast<double>(part) / static_cast<double>(whole) << " %)";
    return text.str();
  };
  auto before_rollback = [](const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string("n/a"); };
  row("requests", std::to_string(sm.requests), std::to_string(rm.requests) + " (measured)");
  row("target 5xx", share(sm.target_5xx, sm.requests), share(rm.target_5xx, rm.requests));
  row("ELB 5xx", share(sm.elb_5xx, sm.requests), share(rm.elb_5xx, rm.requests));
  row("5xx before rollback", before_rollback(sm.errors_before_rollback), before_rollback(rm.errors_before_rollback));
  row("alarms triggered", std::to_string(sm.alarms_triggered.size()), std::to_string(rm.alarms_triggered.size()));
  // Latency of the requests targets served: the profiles' requestLatencyMs against the load
  // generator's clock (which includes the Docker network's own time).
  auto millis = [](std::int64_t micros) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1) << static_cast<double>(micros) / 1000.0 << " ms";
    return text.str();
  };
  auto latency = [&](std::int64_t micros, bool simulated) {
    if (micros > 0) return millis(micros);
    return std::string(simulated ? "not simulated" : "none served");
  };
  row("latency p50", latency(sm.latency_p50_micros, true), latency(rm.latency_p50_micros, false));
  row("latency p99", latency(sm.latency_p99_micros, true), latency(rm.latency_p99_micros, false));
}

}  // namespace

void print_comparison(std::ostream& out, const RunComparison& c, const ComparedRun& simulated,
                      const ComparedRun& real, const sim::model::Scenario& scenario) {
  const auto& sm = simulated.result.metrics;
  const auto& rm = real.result.metrics;
  auto row = [&](const std::string& name, const std::string& s, const std::string& r) {
    out << "  " << std::left << std::setw(24) << name << std::setw(18) << s << r << "\n";
  };
  out << "  " << std::left << std::setw(24) << "" << std::setw(18) << "simulated" << "real\n";
  row("outcome", std::string(sim::observe::to_string(simulated.result.outcome)),
      std::string(sim::observe::to_string(real.result.outcome)));
  row("time to detect", span(sm.time_to_detect), span(rm.time_to_detect));
  row("time to outcome", span(sm.time_to_outcome), span(rm.time_to_outcome));
  row("failed tasks", std::to_string(sm.failed_tasks), std::to_string(rm.failed_tasks));
  row("OOM kills", std::to_string(sm.oom_kills), std::to_string(rm.oom_kills));
  row("tasks launched", std::to_string(sm.tasks_launched), std::to_string(rm.tasks_launched));
  row("no healthy task for", sim::format_seconds(sm.zero_healthy), sim::format_seconds(rm.zero_healthy));
  if (scenario.traffic) print_traffic(row, sm, rm);
  auto sequence = [](const std::vector<std::string>& states) {
    std::string text;
    for (const std::string& s : states) text += (text.empty() ? "" : ", ") + s;
    return text.empty() ? std::string("none") : text;
  };
  out << "\ndeployments " << (c.deployments_agree ? "AGREE" : "DIFFER") << ":\n"
      << "  simulated  " << sequence(c.simulated_deployments) << "\n"
      << "  real       " << sequence(c.real_deployments) << "\n";
  out << "\nevent order: " << c.simulated.size() << " milestones simulated, " << c.real.size() << " real, "
      << c.matched.size() << " of them in the same order\n";
  // The first milestone on either side that the other does not share, in order.
  std::size_t i = 0;
  for (; i < c.matched.size() && c.matched[i].simulated == i && c.matched[i].real == i; ++i) {
  }
  if (i < c.simulated.size() || i < c.real.size()) {
    out << "  first divergence after " << i << " shared milestones:\n";
    if (i < c.simulated.size())
      out << "    simulated " << sim::format_clock(c.simulated[i].at) << "  " << describe(c.simulated[i], scenario).text << "\n";
    if (i < c.real.size())
      out << "    real      " << sim::format_clock(c.real[i].at) << "  " << describe(c.real[i], scenario).text << "\n";
  }
  out << "timings of shared milestones (run time, real minus simulated): median |delta| "
      << sim::format_seconds(c.median_abs_delta) << ", max |delta| " << sim::format_seconds(c.max_abs_delta) << "\n";
  out << "\noutcomes " << (c.outcomes_agree ? "AGREE" : "DIFFER") << ": simulated "
      << sim::observe::to_string(simulated.result.outcome) << ", real " << sim::observe::to_string(real.result.outcome) << "\n";
}

}  // namespace harness::report
