// health-check-binary-missing: Docker runs the container check inside the image, so the command's
// binary (and `sh` for CMD-SHELL) must be in it. Whether it can run is the simulator's own
// decision (sim/world/app_endpoint.h image_can_run); this rule only explains it.
#include "harness/lint/rules.h"
#include "sim/world/app_endpoint.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "seed 004: the Alpine image had no wget, every probe failed (exit 127) and ECS replaced the "
    "tasks in a loop that never ended";

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : ", ") + word;
  return text.empty() ? "nothing" : text;
}

// "sh and wget": what running the command takes, as the probe parser reads it.
std::string needed(const std::vector<std::string>& command) {
  const std::string binary = sim::model::parse_probe_command(command).binary;
  if (!sim::model::needs_shell(command)) return binary;
  return binary.empty() ? "sh" : "sh and " + binary;
}

}  // namespace

void check_health_check_binary(const LintContext& context, Findings& out) {
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::AppProfile* profile = context.profile(containers[i]);
    if (profile == nullptr || !containers[i].health_check) continue;
    const std::vector<std::string>& command = containers[i].health_check->command;
    if (sim::world::image_can_run(*profile, command)) continue;
    out.add(Severity::error, "health-check-binary-missing",
            context.container(i, "/healthCheck/command"),
            "the health check of container \"" + containers[i].name + "\" needs " +
                needed(command) + " but image " + containers[i].image + " ships " +
                joined(profile->binaries) + ": every probe fails",
            kWhy);
  }
}

}  // namespace harness::lint
