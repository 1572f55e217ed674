// deploymentConfiguration.lifecycleHooks (API_DeploymentLifecycleHook, an AWS section) and
// "lifecycleHookResults" (our own: what each hook's Lambda answers, since none runs).
#include <algorithm>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::LifecycleStage;

// The stages a hook may name (API_DeploymentLifecycleHook lifecycleStages): SCALE_UP, BAKE_TIME
// and CLEAN_UP take no hooks.
LifecycleStage read_stage(const Node& node) {
  return node.as_choice<LifecycleStage>({{"RECONCILE_SERVICE", LifecycleStage::reconcile_service},
                                         {"PRE_SCALE_UP", LifecycleStage::pre_scale_up},
                                         {"POST_SCALE_UP", LifecycleStage::post_scale_up},
                                         {"TEST_TRAFFIC_SHIFT", LifecycleStage::test_traffic_shift},
                                         {"POST_TEST_TRAFFIC_SHIFT", LifecycleStage::post_test_traffic_shift},
                                         {"PRE_PRODUCTION_TRAFFIC_SHIFT",
                                          LifecycleStage::pre_production_traffic_shift},
                                         {"PRODUCTION_TRAFFIC_SHIFT", LifecycleStage::production_traffic_shift},
                                         {"POST_PRODUCTION_TRAFFIC_SHIFT",
                                          LifecycleStage::post_production_traffic_shift}});
}

// A rolling update shifts no traffic between two revisions, so the traffic stages never come.
// ECS's own answer to such a hook under ROLLING is not documented; deploysim refuses a hook that
// could never run rather than ignore it.
bool rolling_reaches(LifecycleStage s) {
  return s == LifecycleStage::reconcile_service || s == LifecycleStage::pre_scale_up ||
         s == LifecycleStage::post_scale_up;
}

std::vector<LifecycleStage> read_stages(const Node& node, sim::model::DeploymentStrategy strategy) {
  std::vector<LifecycleStage> stages;
  const std::vector<Node> elements = node.as_array();
  if (elements.empty()) node.fail("at least one lifecycle stage");
  for (const Node& element : elements) {
    const LifecycleStage stage = read_stage(element);
    if (strategy == sim::model::DeploymentStrategy::rolling && !rolling_reaches(stage)) {
      element.fail("a stage a ROLLING deployment goes through: \"RECONCILE_SERVICE\", \"PRE_SCALE_UP\" or "
                   "\"POST_SCALE_UP\" (a rolling update shifts no traffic; use BLUE_GREEN, LINEAR or CANARY)");
    }
    if (std::find(stages.begin(), stages.end(), stage) != stages.end()) element.fail("a stage not listed twice");
    stages.push_back(stage);
  }
  return stages;
}

// timeoutConfiguration (API_DeploymentLifecycleHookTimeoutConfiguration): timeoutInMinutes
// 1-20160, default 1440; action ROLLBACK (default) or CONTINUE.
void read_timeout(const Node& node, sim::model::LifecycleHook& hook) {
  using sim::model::HookTimeoutAction;
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  hook.timeout = sim::minutes(reader.int_or("timeoutInMinutes", 1440, {1, 20160}));
  hook.timeout_action = reader.choice_or<HookTimeoutAction>(
      "action", hook.timeout_action,
      {{"ROLLBACK", HookTimeoutAction::rollback}, {"CONTINUE", HookTimeoutAction::continue_deployment}});
  reader.finish();
}

sim::model::LifecycleHook read_hook(const Node& node, sim::model::DeploymentStrategy strategy,
                                    const std::vector<std::string>& simulated_arns) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::LifecycleHook hook;
  if (const std::optional<Node> type = reader.get("targetType")) {
    if (type->as_string() != "AWS_LAMBDA") {
      type->fail("\"AWS_LAMBDA\" (deploysim does not simulate PAUSE hooks and ContinueServiceDeployment)");
    }
  }
  const Node arn = reader.required("hookTargetArn");
  hook.hook_target_arn = arn.as_name();
  arn.as_reference(simulated_arns, "hook ARNs given in \"lifecycleHookResults\"");
  hook.role_arn = reader.string_or("roleArn", "");
  hook.lifecycle_stages = read_stages(reader.required("lifecycleStages"), strategy);
  if (const std::optional<Node> details = reader.get("hookDetails")) hook.hook_details_json = details->json().dump();
  if (const std::optional<Node> timeout = reader.get("timeoutConfiguration")) read_timeout(*timeout, hook);
  reader.finish();
  return hook;
}

}  // namespace

std::vector<sim::model::LifecycleHook> read_lifecycle_hooks(const Node& node, sim::model::DeploymentStrategy strategy,
                                                            const std::vector<std::string>& simulated_arns) {
  std::vector<sim::model::LifecycleHook> hooks;
  for (const Node& element : node.as_array()) hooks.push_back(read_hook(element, strategy, simulated_arns));
  return hooks;
}

std::map<std::string, sim::model::SimulatedHookResult> read_hook_results(const Node& node) {
  using sim::model::HookStatus;
  std::map<std::string, sim::model::SimulatedHookResult> results;
  for (const auto& [arn, value] : node.as_members()) {
    ObjectReader reader = value.as_object(UnknownKeys::reject);
    sim::model::SimulatedHookResult result;
    result.hook_status = reader.required("hookStatus")
                             .as_choice<HookStatus>({{"SUCCEEDED", HookStatus::succeeded},
                                                     {"FAILED", HookStatus::failed},
                                                     {"IN_PROGRESS", HookStatus::in_progress}});
    if (const std::optional<Node> after = reader.get("afterSeconds")) {
      if (result.hook_status == HookStatus::in_progress) {
        after->fail("no \"afterSeconds\" with IN_PROGRESS (the hook never answers otherwise; its timeout decides)");
      }
      // At most the longest hook timeout, 20160 minutes.
      result.after = after->as_seconds({0, 20160 * 60});
    }
    reader.finish();
    results.emplace(arn, result);
  }
  return results;
}

}  // namespace harness::scenario
