// How a run ended and the figures that matter to the engineer choosing settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/time.h"

namespace sim::observe {

enum class Outcome : std::uint8_t {
  completed,    // the new deployment reached COMPLETED
  rolled_back,  // the breaker tripped and the rollback deployment COMPLETED
  failed,       // the breaker tripped without rollback (or had no COMPLETED deployment to go to)
  stuck,        // no terminal state by the horizon (seed 004's deployment loop)
  steady_state,  // no deployment was started ("deploy": "none"): judged by the figures alone
};

// Why the run loop stopped.
enum class RunEnd : std::uint8_t { outcome_reached, horizon, event_cap, queue_empty, trace_cap, task_cap };

struct Metrics {
  Millis deploy_started_at{0};
  std::optional<Millis> time_to_detect;    // deploy start -> first failed task of the deployment
  std::optional<Millis> time_to_outcome;   // deploy start -> COMPLETED / rollback COMPLETED / FAILED
  std::optional<Millis> time_to_rollback_start;  // deploy start -> breaker trip
  int tasks_launched = 0;        // all launches after the deploy started
  int failed_tasks = 0;          // tasks of the deployed revision the breaker counted as failed
  int breaker_threshold = 0;     // the threshold in force at deploy start
  int breaker_max_count = 0;     // highest failure count reached
  int oom_kills = 0;
  // Application Auto Scaling's activities (ecs-rules §13) and the highest desiredCount it set
  // (0: it set none).
  int scale_outs = 0;
  int scale_ins = 0;
  int peak_desired_count = 0;
  Millis below_desired_healthy{0};  // time with fewer healthy tasks than desiredCount
  Millis zero_healthy{0};           // time with no healthy task at all (a full outage)
  std::int64_t task_milliseconds = 0;  // summed lifetime of all tasks after the deploy started
  std::uint64_t events = 0;            // events the engine executed
  std::uint64_t probes = 0;            // health-check probes accounted (simulated or predicted)
  // Request traffic since the deploy started (only with a scenario "traffic" section).
  std::int64_t requests = 0;            // every request the load balancer received
  std::int64_t target_5xx = 0;          // answered with a 5xx by a task (HTTPCode_Target_5XX)
  std::int64_t elb_5xx = 0;             // 5xx from the load balancer itself (HTTPCode_ELB_5XX)
  // 5xx served to users from the deploy start to the moment the deployment failed (breaker or
  // alarm); absent when it never failed. What a late detection costs the users.
  std::optional<std::int64_t> errors_before_rollback;
  struct RevisionTraffic {
    int deployment = 0;
    int task_definition = 0;
    std::int64_t requests = 0;
    std::int64_t errors = 0;
    int latency_p50_ms = 0;  // its app's requestLatencyMs; 0 when not simulated
    int latency_p99_ms = 0;
  };
  std::vector<RevisionTraffic> traffic_by_revision;  // since the deploy started
  std::vector<std::string> alarms_triggered;         // triggeredAlarmNames of the deployment
  // Latency of the requests targets served since the deploy (0 when no app sets requestLatencyMs).
  std::int64_t latency_p50_micros = 0;
  std::int64_t latency_p99_micros = 0;
  // The last lifecycle stage the deployment reached (ServiceDeployment.lifecycleStage; §3.3) and
  // each hook ECS finished waiting for, in order.
  std::string lifecycle_stage;
  struct HookRun {
    std::string hook_target_arn;
    std::string stage;
    std::string status;  // SUCCEEDED, FAILED or TIMED_OUT
    Millis after_deploy{0};
  };
  std::vector<HookRun> hooks;
};

struct RunResult {
  Outcome outcome = Outcome::stuck;
  RunEnd end = RunEnd::horizon;
  Millis ended_at{0};
  Metrics metrics;
};

std::string_view to_string(Outcome o);
std::string_view to_string(RunEnd e);

}  // namespace sim::observe
