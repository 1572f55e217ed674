#include "harness/check/fault_set.h"

#include <algorithm>

namespace harness::check {
namespace {

using sim::model::BreakingFault;
using sim::model::Scenario;

// Names the injected faults use, so a counterexample file says what was injected.
constexpr const char* kUnreadableSecret = "CHECK_INJECTED_SECRET";
constexpr const char* kMissingSetting = "CHECK_INJECTED_REQUIRED_SETTING";

int deployed_container_index(const Scenario& s) {
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (std::size_t i = 0; i < td.containers.size(); ++i)
    if (s.service.load_balancer ? td.containers[i].name == s.service.container_name_for_lb : td.containers[i].essential)
      return static_cast<int>(i);
  return 0;
}

bool image_used_elsewhere(const Scenario& s, const std::string& image) {
  for (std::size_t t = 0; t < s.task_definitions.size(); ++t) {
    if (static_cast<int>(t) == s.deploy.to_task_definition) continue;
    for (const auto& c : s.task_definitions[t].containers)
      if (c.image == image) return true;
  }
  return false;
}

// The deployed revision's container and app, made private to it: a forced redeploy of the running
// task definition becomes a new revision, and a shared image gets its own profile.
struct DeployedApp {
  sim::model::ContainerDefinition* container;
  sim::model::AppProfile* app;
};

DeployedApp make_deployed_app_private(Scenario& s) {
  if (s.deploy.to_task_definition == s.initial_task_definition) {
    sim::model::TaskDefinition copy = s.task_definitions[static_cast<std::size_t>(s.initial_task_definition)];
    for (const auto& td : s.task_definitions)
      if (td.family == copy.family) copy.revision = std::max(copy.revision, td.revision + 1);
    s.task_definitions.push_back(copy);
    s.deploy.to_task_definition = static_cast<int>(s.task_definitions.size() - 1);
  }
  auto& td = s.task_definitions[static_cast<std::size_t>(s.deploy.to_task_definition)];
  auto& container = td.containers.at(static_cast<std::size_t>(deployed_container_index(s)));
  if (image_used_elsewhere(s, container.image)) {
    const std::string own = container.image + "-faulty";
    sim::model::AppProfile profile = s.apps.at(container.image);
    profile.image = own;
    s.apps[own] = profile;
    container.image = own;
  }
  return {&container, &s.apps.at(container.image)};
}

void inject_breaking(Scenario& s, DeployedApp d, BreakingFault fault, sim::Millis crash_after) {
  switch (fault) {
    case BreakingFault::oom:
      // 32 MiB at start, 128 MiB at 10 s, against a 64 MiB hard limit: killed ~3 s into start-up.
      d.container->memory_mib = 64;
      d.container->memory_reservation_mib.reset();
      d.app->memory = {{sim::Millis{0}, 32}, {sim::seconds(10), 128}};
      d.app->leak_mib_per_hour = 0;
      break;
    case BreakingFault::missing_secret:
      d.container->secrets.push_back(kUnreadableSecret);
      d.container->secret_sources[kUnreadableSecret] = kUnreadableSecret;
      s.unreadable_secrets.push_back(kUnreadableSecret);
      break;
    case BreakingFault::crash_loop: d.app->crash_after_listening = crash_after; break;
    case BreakingFault::missing_probe_binary: {
      const std::string binary = sim::model::parse_probe_command(d.container->health_check->command).binary;
      std::erase(d.app->binaries, binary);
      break;
    }
    case BreakingFault::bind_localhost: d.app->bind_address = "127.0.0.1"; break;
    case BreakingFault::bad_config: {
      sim::model::StartupPhase read_settings;
      read_settings.name = "read required setting (injected)";
      read_settings.reads = {kMissingSetting};
      read_settings.on_missing = sim::model::OnMissing::exit;
      d.app->phases.insert(d.app->phases.begin(), read_settings);
      if (d.app->live_from_phase > 0) ++d.app->live_from_phase;  // it names the same phase as before
      break;
    }
  }
}

void perturb_timeline(Scenario& s, const FaultSet& faults) {
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    sim::model::ServiceUpdate& u = s.timeline[i];
    if (i < faults.timeline_shifts.size())
      u.at = std::clamp(u.at + faults.timeline_shifts[i], sim::Millis{0}, s.deploy.at);
    if (i < faults.desired_count_changes.size() && u.desired_count)
      u.desired_count = std::clamp(*u.desired_count + faults.desired_count_changes[i], 0, 5000);
  }
}

}  // namespace

std::vector<BreakingFault> applicable_breaking_faults(const Scenario& s) {
  std::vector<BreakingFault> faults = {BreakingFault::oom, BreakingFault::missing_secret, BreakingFault::crash_loop,
                                       BreakingFault::bad_config};
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  const auto& container = td.containers.at(static_cast<std::size_t>(deployed_container_index(s)));
  if (container.health_check && !sim::model::parse_probe_command(container.health_check->command).binary.empty())
    faults.push_back(BreakingFault::missing_probe_binary);
  if (s.service.load_balancer) faults.push_back(BreakingFault::bind_localhost);
  return faults;
}

Scenario apply_faults(const Scenario& base, const FaultSet& faults) {
  Scenario s = base;
  DeployedApp deployed = make_deployed_app_private(s);
  if (faults.slow_start > sim::Millis{0}) {
    sim::model::StartupPhase slow;
    slow.name = "slow start (injected)";
    slow.duration = faults.slow_start;
    deployed.app->phases.push_back(slow);
  }
  if (faults.blip)
    s.faults.push_back({s.deploy.at + faults.blip->after_deploy, sim::model::FaultKind::dependency_outage,
                        faults.blip->target, faults.blip->duration});
  if (faults.breaking) inject_breaking(s, deployed, *faults.breaking, faults.crash_after);
  perturb_timeline(s, faults);
  return s;
}

std::string_view to_string(BreakingFault fault) {
  switch (fault) {
    case BreakingFault::oom: return "oom";
    case BreakingFault::missing_secret: return "missing_secret";
    case BreakingFault::crash_loop: return "crash_loop";
    case BreakingFault::missing_probe_binary: return "missing_probe_binary";
    case BreakingFault::bind_localhost: return "bind_localhost";
    case BreakingFault::bad_config: return "bad_config";
  }
  return "?";
}

std::string describe(const FaultSet& f) {
  std::vector<std::string> parts;
  if (f.slow_start > sim::Millis{0}) parts.push_back("start-up " + sim::format_seconds(f.slow_start) + " slower");
  if (f.blip)
    parts.push_back(f.blip->target + " down for " + sim::format_seconds(f.blip->duration) + " from " +
                    sim::format_seconds(f.blip->after_deploy) + " after the deploy");
  if (f.breaking) {
    std::string b = "breaking fault " + std::string(to_string(*f.breaking));
    if (*f.breaking == sim::model::BreakingFault::crash_loop)
      b += " (exits " + sim::format_seconds(f.crash_after) + " after listening)";
    parts.push_back(b);
  }
  for (std::size_t i = 0; i < f.timeline_shifts.size(); ++i)
    if (f.timeline_shifts[i] != sim::Millis{0})
      parts.push_back("timeline[" + std::to_string(i) + "] " +
                      sim::format_seconds(f.timeline_shifts[i] < sim::Millis{0} ? -f.timeline_shifts[i] : f.timeline_shifts[i]) +
                      (f.timeline_shifts[i] < sim::Millis{0} ? " earlier" : " later"));
  for (std::size_t i = 0; i < f.desired_count_changes.size(); ++i)
    if (f.desired_count_changes[i] != 0)
      parts.push_back("timeline[" + std::to_string(i) + "] desiredCount " + (f.desired_count_changes[i] > 0 ? "+" : "") +
                      std::to_string(f.desired_count_changes[i]));
  if (parts.empty()) return "no faults";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace harness::check
