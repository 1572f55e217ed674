// missing-env and unreadable-secret: what a container is given at start against what its app
// reads (sim/world/container_plan.cc ends or stalls the process on a missing name) and against
// the secrets ECS cannot fetch (sim/world/world_startup.cc fails the task before it starts).
#include <algorithm>
#include <set>

#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

constexpr const char* kMissingWhy =
    "seed 000: task definitions 27-32 lacked OPENAI_API_KEY and every task exited at start-up; "
    "seed 001: old code deployed without its AI_MAX_TOKENS_* variables never finished starting";
constexpr const char* kUnreadableWhy =
    "seed 002: a secret ECS could not fetch failed every task before it started "
    "(ResourceInitializationError; \"deployment failed: tasks failed to start\")";

// The names a container is given: its environment variables and its secrets.
std::set<std::string> given_names(const sim::model::ContainerDefinition& container) {
  std::set<std::string> names(container.secrets.begin(), container.secrets.end());
  for (const auto& [name, value] : container.environment) names.insert(name);
  return names;
}

std::string consequence(const sim::model::StartupPhase& phase) {
  return phase.on_missing == sim::model::OnMissing::stall
             ? "the app stalls there and never listens"
             : "the app exits with code " + std::to_string(phase.exit_code);
}

}  // namespace

void check_missing_env(const LintContext& context, Findings& out) {
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::AppProfile* profile = context.profile(containers[i]);
    if (profile == nullptr) continue;
    const std::set<std::string> given = given_names(containers[i]);
    std::set<std::string> reported;  // a name read by two phases is one finding
    for (const sim::model::StartupPhase& phase : profile->phases) {
      for (const std::string& name : phase.reads) {
        if (given.count(name) || !reported.insert(name).second) continue;
        out.add(Severity::error, "missing-env", context.container(i, ""),
                name + " is read by " + containers[i].image + " in phase \"" + phase.name +
                    "\" but container \"" + containers[i].name +
                    "\" has it in neither environment nor secrets; " + consequence(phase),
                kMissingWhy);
      }
    }
  }
}

void check_unreadable_secrets(const LintContext& context, Findings& out) {
  const auto& unreadable = context.scenario.unreadable_secrets;
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const auto& secrets = containers[i].secrets;
    for (std::size_t k = 0; k < secrets.size(); ++k) {
      if (std::find(unreadable.begin(), unreadable.end(), secrets[k]) == unreadable.end()) continue;
      out.add(Severity::error, "unreadable-secret",
              context.container(i, "/secrets/" + std::to_string(k)),
              "secret " + secrets[k] + " of container \"" + containers[i].name +
                  "\" cannot be read by ECS (unreadableSecrets): every task fails to start",
              kUnreadableWhy);
    }
  }
}

}  // namespace harness::lint
