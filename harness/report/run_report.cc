#include "harness/report/run_report.h"

#include "harness/report/event_view.h"
#include "sim/ecs/deployment_bounds.h"

namespace harness::report {
namespace {

using sim::format_clock;
using sim::format_seconds;

const char* threshold_type(sim::model::ThresholdType t) {
  switch (t) {
    case sim::model::ThresholdType::bounded_percent: return "BOUNDED_PERCENT";
    case sim::model::ThresholdType::unbounded_percent: return "UNBOUNDED_PERCENT";
    case sim::model::ThresholdType::count: return "COUNT";
  }
  return "?";
}

std::string optional_span(const std::optional<sim::Millis>& m) {
  return m ? format_seconds(*m) : std::string("n/a");
}

nlohmann::json optional_ms(const std::optional<sim::Millis>& m) {
  return m ? nlohmann::json(m->count()) : nlohmann::json(nullptr);
}

}  // namespace

void print_setup(std::ostream& out, const RunReportInput& in) {
  const auto& s = in.scenario;
  const auto& svc = s.service;
  const auto& dc = svc.deployment;
  const auto b = sim::ecs::task_bounds(svc.desired_count, dc.minimum_healthy_percent, dc.maximum_percent);
  out << "scenario " << s.name << " (seed " << s.seed << ", rules " << s.rule_set << ", horizon "
      << format_clock(s.horizon) << ")\n";
  out << "service " << svc.name << ": desiredCount " << svc.desired_count << ", minimumHealthyPercent "
      << dc.minimum_healthy_percent << " (at least " << b.min_healthy_tasks << " healthy), maximumPercent "
      << dc.maximum_percent << " (at most " << b.max_tasks << " tasks)\n";
  const auto& cb = dc.circuit_breaker;
  out << "circuit breaker: ";
  if (!cb.enable)
    out << "disabled";
  else
    out << "enabled, rollback " << (cb.rollback ? "on" : "off") << ", threshold " << in.breaker_threshold
        << " failed tasks (" << threshold_type(cb.threshold_type) << " " << cb.threshold_value << ", "
        << (cb.reset_on_healthy_task ? "consecutive" : "cumulative") << " counting)";
  out << "\nhealthCheckGracePeriodSeconds " << svc.health_check_grace_period.count() / 1000;
  if (svc.load_balancer)
    out << ", target group " << svc.load_balancer->name << " " << svc.load_balancer->path << " every "
        << format_seconds(svc.load_balancer->interval) << " (healthy " << svc.load_balancer->healthy_threshold
        << ", unhealthy " << svc.load_balancer->unhealthy_threshold << ")";
  else
    out << ", no load balancer";
  const auto& from = s.task_definitions.at(static_cast<std::size_t>(s.initial_task_definition));
  const auto& to = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  if (s.deploy.none)
    out << "\nno deployment: " << from.arn_name() << " in steady state";
  else
    out << "\ndeploy " << from.arn_name() << " -> " << to.arn_name() << " at " << format_clock(s.deploy.at);
  // The other UpdateService calls, so a reader sees the whole timeline before the events.
  for (const sim::model::ServiceUpdate& u : s.timeline)
    out << "\n  " << u.origin << " at " << format_clock(u.at) << ": UpdateService"
        << (u.task_definition ? " taskDefinition " + s.task_definitions.at(static_cast<std::size_t>(*u.task_definition)).arn_name() : "")
        << (u.desired_count ? " desiredCount " + std::to_string(*u.desired_count) : "")
        << (u.deployment_configuration ? " deploymentConfiguration" : "")
        << (u.force_new_deployment ? " forceNewDeployment" : "");
  out << "\n\n";
}

void print_timeline(std::ostream& out, const RunReportInput& in) {
  for (const auto& e : in.trace.events())
    out << format_clock(e.at) << "  " << describe(e, in.scenario).text << "\n";
}

// Requests since the deploy, per revision, and the errors users saw: what a setting costs them.
static void print_traffic(std::ostream& out, const RunReportInput& in) {
  const auto& m = in.result.metrics;
  out << "  requests since deploy:      " << m.requests << " (5xx from tasks " << m.target_5xx
      << ", 5xx from the load balancer itself " << m.elb_5xx << ")\n";
  out << "  errors before rollback:     "
      << (m.errors_before_rollback ? std::to_string(*m.errors_before_rollback) : std::string("none (never failed)"))
      << "\n";
  for (const auto& t : m.traffic_by_revision) {
    if (t.requests == 0) continue;
    const auto& td = in.scenario.task_definitions.at(static_cast<std::size_t>(t.task_definition));
    out << "  served by ecs-svc/" << t.deployment << " (" << td.arn_name() << "): " << t.requests << " requests, "
        << t.errors << " 5xx (" << (t.errors * 1000 / t.requests) / 10.0 << " %)";
    if (t.latency_p99_ms > 0) out << ", latency p50 " << t.latency_p50_ms << " ms, p99 " << t.latency_p99_ms << " ms";
    out << "\n";
  }
  if (m.latency_p99_micros > 0)
    out << "  latency since deploy:       p50 " << m.latency_p50_micros / 1000.0 << " ms, p99 "
        << m.latency_p99_micros / 1000.0 << " ms (all served requests)\n";
  for (const auto& name : m.alarms_triggered) out << "  alarm that failed it:       " << name << "\n";
}

void print_outcome(std::ostream& out, const RunReportInput& in) {
  const auto& r = in.result;
  const auto& m = r.metrics;
  out << "\noutcome: " << sim::observe::to_string(r.outcome) << " (run ended at " << format_clock(r.ended_at)
      << ": " << sim::observe::to_string(r.end) << ")\n";
  out << "  time to detect:             " << optional_span(m.time_to_detect) << "\n";
  out << "  time to rollback start:     " << optional_span(m.time_to_rollback_start) << "\n";
  out << "  time to outcome:            " << optional_span(m.time_to_outcome) << "\n";
  out << "  tasks launched:             " << m.tasks_launched << "\n";
  out << "  failed tasks (deployment):  " << m.failed_tasks << " (breaker threshold " << m.breaker_threshold
      << ", highest count " << m.breaker_max_count << ")\n";
  out << "  OOM kills:                  " << m.oom_kills << "\n";
  out << "  below desired healthy:      " << format_seconds(m.below_desired_healthy) << " (no healthy task: "
      << format_seconds(m.zero_healthy) << ")\n";
  out << "  task-hours:                 " << m.task_milliseconds / 36'000 / 100.0 << "\n";
  out << "  events / probes accounted:  " << m.events << " / " << m.probes << "\n";
  if (!m.lifecycle_stage.empty()) out << "  lifecycle stage reached:    " << m.lifecycle_stage << "\n";
  for (const auto& h : m.hooks)
    out << "  lifecycle hook:             " << h.hook_target_arn << " at " << h.stage << ": " << h.status << " ("
        << format_seconds(h.after_deploy) << " after the deploy)\n";
  if (in.scenario.autoscaling)
    out << "  autoscaling:                " << m.scale_outs << " scale-out(s), " << m.scale_ins
        << " scale-in(s), peak desiredCount "
        << (m.scale_outs + m.scale_ins > 0 ? std::to_string(m.peak_desired_count) : "- (never set)") << "\n";
  if (in.scenario.traffic) print_traffic(out, in);
}

void write_event_log(std::ostream& out, const RunReportInput& in) {
  for (const auto& e : in.trace.events()) out << describe(e, in.scenario).fields.dump() << "\n";
}

static nlohmann::json traffic_json(const sim::observe::Metrics& m) {
  nlohmann::json revisions = nlohmann::json::array();
  for (const auto& t : m.traffic_by_revision)
    revisions.push_back({{"deployment", "ecs-svc/" + std::to_string(t.deployment)},
                         {"task_definition", t.task_definition},
                         {"requests", t.requests},
                         {"errors_5xx", t.errors},
                         {"latency_p50_ms", t.latency_p50_ms},
                         {"latency_p99_ms", t.latency_p99_ms}});
  return {{"requests", m.requests},
          {"target_5xx", m.target_5xx},
          {"elb_5xx", m.elb_5xx},
          {"errors_before_rollback",
           m.errors_before_rollback ? nlohmann::json(*m.errors_before_rollback) : nlohmann::json(nullptr)},
          {"alarms_triggered", m.alarms_triggered},
          {"latency_p50_us", m.latency_p50_micros},
          {"latency_p99_us", m.latency_p99_micros},
          {"by_revision", revisions}};
}

static nlohmann::json plain_summary_json(const RunReportInput& in) {
  const auto& r = in.result;
  const auto& m = r.metrics;
  return {
      {"scenario", in.scenario.name},
      {"seed", in.scenario.seed},
      {"rules", in.scenario.rule_set},
      {"outcome", std::string(sim::observe::to_string(r.outcome))},
      {"end", std::string(sim::observe::to_string(r.end))},
      {"ended_at_ms", r.ended_at.count()},
      {"breaker_threshold", in.breaker_threshold},
      {"metrics",
       {{"time_to_detect_ms", optional_ms(m.time_to_detect)},
        {"time_to_rollback_start_ms", optional_ms(m.time_to_rollback_start)},
        {"time_to_outcome_ms", optional_ms(m.time_to_outcome)},
        {"tasks_launched", m.tasks_launched},
        {"failed_tasks", m.failed_tasks},
        {"breaker_max_count", m.breaker_max_count},
        {"oom_kills", m.oom_kills},
        {"below_desired_healthy_ms", m.below_desired_healthy.count()},
        {"zero_healthy_ms", m.zero_healthy.count()},
        {"task_milliseconds", m.task_milliseconds},
        {"events", m.events},
        {"probes", m.probes}}},
  };
}

nlohmann::json summary_json(const RunReportInput& in) {
  nlohmann::json summary = plain_summary_json(in);
  if (in.scenario.traffic) summary["traffic"] = traffic_json(in.result.metrics);
  const auto& m = in.result.metrics;
  if (in.scenario.autoscaling)
    summary["autoscaling"] = {{"scale_outs", m.scale_outs}, {"scale_ins", m.scale_ins},
                              {"peak_desired_count", m.peak_desired_count}};
  // ServiceDeployment.lifecycleStage of the deployment under test, and its hooks (ecs-rules §3.3).
  if (!m.lifecycle_stage.empty()) summary["lifecycle_stage"] = m.lifecycle_stage;
  if (!m.hooks.empty()) {
    summary["lifecycle_hooks"] = nlohmann::json::array();
    for (const auto& h : m.hooks)
      summary["lifecycle_hooks"].push_back({{"hook_target_arn", h.hook_target_arn},
                                            {"stage", h.stage},
                                            {"status", h.status},
                                            {"after_deploy_ms", h.after_deploy.count()}});
  }
  return summary;
}

}  // namespace harness::report
