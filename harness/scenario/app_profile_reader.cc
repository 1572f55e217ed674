// "apps": what happens inside a container of each image, as data the simulated world (and the
// chaos app, for real) plays: start-up phases, health endpoints, memory, signals.
#include <algorithm>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::AppProfile;

// Names a phase or endpoint refers to must be dependencies, or the world could never bring them
// up or down: resolve them here so a typo is a load error, not a silent stall.
std::vector<std::string> read_dependency_names(ObjectReader& reader, std::string_view key,
                                               const std::vector<std::string>& dependency_names) {
  std::vector<std::string> names;
  if (const std::optional<Node> list = reader.get(key)) {
    for (const Node& element : list->as_array()) {
      names.push_back(dependency_names[element.as_reference(dependency_names, "dependencies")]);
    }
  }
  return names;
}

// A waiting phase's retries: {intervalSeconds, backoff (a multiplier 1-10), maxIntervalSeconds}.
sim::model::RetryPolicy read_retry(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::RetryPolicy retry;
  retry.interval = reader.required("intervalSeconds").as_seconds({0.001, 86400});
  if (const std::optional<Node> backoff = reader.get("backoff"))
    retry.backoff_permille = static_cast<int>(backoff->as_scaled({1, 10}, 1000));
  if (const std::optional<Node> max = reader.get("maxIntervalSeconds")) {
    retry.max_interval = max->as_seconds({0.001, 86400});
    if (retry.max_interval < retry.interval)
      max->fail("a number of seconds >= intervalSeconds (" + sim::format_seconds(retry.interval) + ")");
  }
  reader.finish();
  return retry;
}

sim::model::StartupPhase read_phase(const Node& node) {
  using sim::model::OnMissing;
  using sim::model::OnUnavailable;
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::StartupPhase phase;
  phase.name = reader.required("name").as_name();
  phase.duration = reader.seconds_or("seconds", phase.duration);
  phase.reads = reader.names_or_empty("reads");
  phase.on_missing = reader.choice_or<OnMissing>(
      "onMissing", phase.on_missing, {{"exit", OnMissing::exit}, {"stall", OnMissing::stall}});
  // A dependency or a container of the same task: resolved once the task definitions are read
  // (scenario_loader.cc, check_connections).
  phase.connects_to = reader.names_or_empty("connectsTo");
  phase.on_unavailable = reader.choice_or<OnUnavailable>("onUnavailable", phase.on_unavailable,
                                                         {{"exit", OnUnavailable::exit},
                                                          {"wait", OnUnavailable::wait},
                                                          {"degrade", OnUnavailable::degrade}});
  phase.wait_timeout = reader.seconds_or("waitTimeoutSeconds", phase.wait_timeout);
  if (const std::optional<Node> retry = reader.get("retry")) {
    if (phase.on_unavailable != OnUnavailable::wait)
      retry->fail("\"onUnavailable\": \"wait\" beside a retry policy (only a waiting phase retries)");
    phase.retry = read_retry(*retry);
  }
  phase.exit_code = reader.int_or("exitCode", phase.exit_code, kExitCodeRange);
  reader.finish();
  return phase;
}

sim::model::Endpoint read_endpoint(const Node& node,
                                   const std::vector<std::string>& dependency_names) {
  using sim::model::EndpointKind;
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::Endpoint endpoint;
  endpoint.kind =
      reader.required("kind").as_choice<EndpointKind>({{"live", EndpointKind::live},
                                                       {"ready", EndpointKind::ready},
                                                       {"degraded", EndpointKind::degraded}});
  endpoint.checks = read_dependency_names(reader, "checks", dependency_names);
  reader.finish();
  return endpoint;
}

// The memory curve is linear between points, so the points must move forward in time.
std::vector<sim::model::MemoryPoint> read_memory(const Node& node) {
  std::vector<sim::model::MemoryPoint> points;
  for (const Node& element : node.as_array()) {
    ObjectReader reader = element.as_object(UnknownKeys::reject);
    const Node at = reader.required("atSeconds");
    sim::model::MemoryPoint point{at.as_seconds(), reader.required("mib").as_int32({0})};
    reader.finish();
    if (!points.empty() && point.at <= points.back().at) {
      at.fail("a number of seconds after the previous point's (" +
              sim::format_seconds(points.back().at) + ")");
    }
    points.push_back(point);
  }
  return points;
}

void read_phases_and_endpoints(ObjectReader& reader, AppProfile& app,
                               const std::vector<std::string>& dependency_names) {
  if (const std::optional<Node> phases = reader.get("phases")) {
    for (const Node& phase : phases->as_array()) {
      app.phases.push_back(read_phase(phase));
    }
  }
  // One past the last phase: live endpoints answer only once start-up is over (container_plan.cc).
  const int phase_count = static_cast<int>(app.phases.size());
  app.live_from_phase = reader.int_or("liveFromPhase", app.live_from_phase, {0, phase_count});
  if (const std::optional<Node> endpoints = reader.get("endpoints")) {
    for (const auto& [path, endpoint] : endpoints->as_members()) {
      if (path.empty() || path.front() != '/') {
        endpoint.fail_key("an endpoint path starting with \"/\"");
      }
      app.endpoints[path] = read_endpoint(endpoint, dependency_names);
    }
  }
}

void read_lifecycle(ObjectReader& reader, AppProfile& app) {
  app.response_time = reader.value_or("responseTimeMs", app.response_time, [](const Node& n) {
    return sim::Millis{n.as_int({0, 3'600'000})};
  });
  app.shutdown_time = reader.seconds_or("shutdownSeconds", app.shutdown_time);
  app.ignores_sigterm = reader.bool_or("ignoresSigterm", app.ignores_sigterm);
  if (const std::optional<Node> runs_for = reader.get("runsForSeconds")) {
    app.runs_for = runs_for->as_seconds();
  }
  app.exit_code_when_done =
      reader.int_or("exitCodeWhenDone", app.exit_code_when_done, kExitCodeRange);
  if (const std::optional<Node> crash = reader.get("crashAfterListeningSeconds")) {
    app.crash_after_listening = crash->as_seconds();
  }
  if (const std::optional<Node> jitter = reader.get("startupJitter")) {
    std::tie(app.startup_jitter_low_permille, app.startup_jitter_high_permille) =
        jitter->as_int_pair(kPermilleRange);
  }
}

}  // namespace

namespace {

// requestLatencyMs: {"p50": ms, "p99": ms}, 1 <= p50 <= p99 <= 600000 (ten minutes).
sim::model::RequestLatency read_request_latency(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::RequestLatency latency;
  latency.p50_ms = reader.required("p50").as_int32({1, 600000});
  latency.p99_ms = reader.required("p99").as_int32({latency.p50_ms, 600000});
  reader.finish();
  return latency;
}

}  // namespace

AppProfile read_app_profile(const Node& node, const std::string& image,
                            const std::vector<std::string>& dependency_names) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  AppProfile app;
  app.image = image;
  read_phases_and_endpoints(reader, app, dependency_names);
  app.port = reader.int_or("port", app.port, kPortRange);
  app.bind_address =
      reader.value_or("bindAddress", app.bind_address, [](const Node& n) { return n.as_name(); });
  if (const std::optional<Node> memory = reader.get("memory")) app.memory = read_memory(*memory);
  app.leak_mib_per_hour = reader.int_or("leakMibPerHour", app.leak_mib_per_hour, {0});
  if (const std::optional<Node> errors = reader.get("requestErrorPercent")) {
    app.request_error_basis_points = static_cast<int>(errors->as_scaled({0, 100}, 100));
  }
  // CPU for ECSServiceAverageCPUUtilization: idle units (1024 = one vCPU) and CPU time per request.
  app.cpu_idle_units = reader.int_or("cpuIdleUnits", app.cpu_idle_units, {0, 1024 * 192});
  if (const std::optional<Node> per_request = reader.get("cpuMsPerRequest")) {
    app.cpu_micros_per_request = per_request->as_scaled({0, 10000}, 1000);
  }
  if (const std::optional<Node> latency = reader.get("requestLatencyMs")) {
    app.request_latency = read_request_latency(*latency);
  }
  if (const std::optional<Node> binaries = reader.get("binaries")) {
    app.binaries = binaries->as_names();
  }
  // Real mode's choice to run the image itself (harness/docker/own_image.h reads it from the
  // file); the simulator plays the profile either way, so the model does not keep it.
  reader.bool_or("runImage", false);
  read_lifecycle(reader, app);
  reader.finish();
  return app;
}

}  // namespace harness::scenario
