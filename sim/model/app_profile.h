// What happens inside a container, as data: the simulated world plays it, and (in real mode) the
// chaos app in docker/ plays the same profile for real. One profile per image reference.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/retry_policy.h"

namespace sim::model {

// What a start-up phase does when a dependency it connects to is not available.
enum class OnUnavailable {
  exit,      // the process exits at once with `exit_code` (a crash on connect)
  wait,      // it retries until the dependency is up, exiting after `wait_timeout`
  degrade,   // it carries on without it (e.g. a Redis URL without its scheme, seed 002)
};

// What the process does when an environment variable or secret it reads is not set.
enum class OnMissing {
  exit,   // throws at start-up and exits with `exit_code` (seed 000's OPENAI_API_KEY)
  stall,  // never finishes start-up: the process lives but never listens (seed 001)
};

struct StartupPhase {
  std::string name;              // "load config", "connect redis", "listening" ...
  Millis duration = seconds(1);  // scaled by the profile's start-up jitter
  std::vector<std::string> reads;  // env vars or secrets read when the phase starts
  OnMissing on_missing = OnMissing::exit;
  std::vector<std::string> connects_to;  // dependencies (by name) needed when the phase starts
  OnUnavailable on_unavailable = OnUnavailable::exit;
  Millis wait_timeout = seconds(30);  // for OnUnavailable::wait
  int exit_code = 1;
  RetryPolicy retry;  // for OnUnavailable::wait
};

// How a health endpoint answers (HTTP on the app's port).
enum class EndpointKind {
  live,      // 200 while the process is up, from `live_from_phase` on (shallow: seed 001)
  ready,     // 200 only once started and while every dependency in `checks` is up, else 503
  degraded,  // 200 once started, even while dependencies are down (seed 002's "degraded" 200)
};

struct Endpoint {
  EndpointKind kind = EndpointKind::ready;
  std::vector<std::string> checks;  // dependencies a `ready` endpoint looks at
};

// A point of the memory curve: resident MiB at `at` after the container started. Linear between
// points; after the last point memory grows by `leak_mib_per_hour`.
struct MemoryPoint {
  Millis at;
  int mib = 0;
};

// The median and 99th percentile of the time the app takes to answer a request (0 < p50 <= p99).
struct RequestLatency {
  int p50_ms = 0;
  int p99_ms = 0;
};

struct AppProfile {
  std::string image;
  std::vector<StartupPhase> phases;  // in order; after the last one the app listens on `port`
  int port = 8080;
  std::string bind_address = "0.0.0.0";  // "127.0.0.1" passes in-container checks only
  int live_from_phase = 0;  // index of the phase from whose start /health/live answers; the
                            // number of phases: only once start-up is over
  std::map<std::string, Endpoint> endpoints;  // path -> behaviour; other paths answer 404
  std::vector<MemoryPoint> memory;            // empty: 64 MiB flat
  int leak_mib_per_hour = 0;
  // Binaries the image ships. A CMD-SHELL check needs "sh" and its first word; a scratch image
  // has neither sh nor wget (seed 004).
  std::vector<std::string> binaries = {"sh", "wget", "curl"};
  // Share of the requests it serves that fail with a 5xx, in basis points (requestErrorPercent
  // x 100): a revision that passes its health checks yet fails real requests (seed 001's class).
  int request_error_basis_points = 0;
  // How long it takes to answer a request (requestLatencyMs), for TargetResponseTime; absent:
  // latency is not simulated and counts as 0 ms (sim/observe/request_latency.h).
  std::optional<RequestLatency> request_latency;
  // The CPU a task of this app uses, for ECSServiceAverageCPUUtilization (ecs-rules §13.2):
  // `cpu_idle_units` (1024 = one vCPU) while it runs, plus `cpu_micros_per_request` of CPU time
  // for each request it answers (cpuMsPerRequest x 1000). Zeros: an idle app.
  int cpu_idle_units = 0;
  std::int64_t cpu_micros_per_request = 0;
  Millis response_time = Millis{5};   // how long a probe of a listening endpoint takes
  Millis shutdown_time = seconds(1);  // exit this long after SIGTERM
  bool ignores_sigterm = false;       // then SIGKILL at stopTimeout, exit 137
  std::optional<Millis> runs_for;     // a one-shot container: exits `exit_code_when_done` then
  int exit_code_when_done = 0;
  std::optional<Millis> crash_after_listening;  // a crash loop: exits 1 this long after listening
  int startup_jitter_low_permille = 1000;   // start-up durations x U[low, high] / 1000
  int startup_jitter_high_permille = 1000;
};

}  // namespace sim::model
