// Lifecycle stages and hooks on whole runs (issue 5; ecs-rules §3.3): the stages a deployment
// goes through under each strategy, and what a hook that passes, fails or times out does to it.
#include <catch2/catch.hpp>

#include "sim/ecs/lifecycle_hooks.h"
#include "tests/support/run_helpers.h"

using sim::model::HookStatus;
using sim::model::HookTimeoutAction;
using sim::model::LifecycleStage;
using sim::observe::Outcome;
using testsupport::library_scenario;
using testsupport::run_traced;

namespace {

const char* const kPasses = "scenarios/examples/hook-passes-blue-green.json";
const char* const kFails = "scenarios/examples/hook-fails-before-production-blue-green.json";
const char* const kTimesOut = "scenarios/examples/hook-times-out-canary.json";
const char* const kRolling = "scenarios/examples/healthy-but-failing-rolling-alarm-bake-10.json";
const std::string kArn = "arn:aws:lambda:us-east-1:1:function:check";

// The deployment under test's stages, in trace order.
std::vector<std::string> stages_of(const testsupport::TracedRun& run) {
  std::vector<std::string> stages;
  for (const auto& e : testsupport::of_kind<sim::observe::LifecycleStageEntered>(run))
    if (e.deployment == 1) stages.push_back(std::string(sim::model::to_string(e.stage)));
  return stages;
}

// `s` with one hook at `stages` that answers `status` after `after`.
sim::model::Scenario with_hook(sim::model::Scenario s, std::vector<LifecycleStage> stages, HookStatus status,
                               sim::Millis after) {
  sim::model::LifecycleHook hook;
  hook.hook_target_arn = kArn;
  hook.lifecycle_stages = std::move(stages);
  s.service.deployment.lifecycle_hooks = {hook};
  s.hook_results = {{kArn, {status, after}}};
  return s;
}

}  // namespace

TEST_CASE("a blue/green deployment passes every stage in order, waiting for its hooks") {
  // Given the smoke-test hook at POST_SCALE_UP and POST_TEST_TRAFFIC_SHIFT answering SUCCEEDED
  // after 45 s, then the stages come in the documented order (no RECONCILE_SERVICE: one revision
  // was ACTIVE), each hook is waited for, and the deployment COMPLETES. Source: ecs-rules §3.3.
  const auto run = run_traced(library_scenario(kPasses));
  CHECK(run.result.outcome == Outcome::completed);
  CHECK(stages_of(run) == std::vector<std::string>{"PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP",
                                                   "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                                                   "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
                                                   "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"});
  const auto& hooks = run.result.metrics.hooks;
  REQUIRE(hooks.size() == 2);
  CHECK(hooks[0].stage == "POST_SCALE_UP");
  CHECK(hooks[1].stage == "POST_TEST_TRAFFIC_SHIFT");
  CHECK(hooks[0].status == "SUCCEEDED");
  // The second hook starts when the first answers: 45 s apart.
  CHECK(hooks[1].after_deploy - hooks[0].after_deploy == sim::seconds(45));
  CHECK(run.result.metrics.lifecycle_stage == "CLEAN_UP");
}

TEST_CASE("a hook that fails before the production shift rolls back with no request served by green") {
  // Given the 20 % failing revision and a hook answering FAILED at POST_TEST_TRAFFIC_SHIFT, then
  // the deployment rolls back 90 s after green is healthy, green served no production request
  // and users saw no 5xx. Source: deployment-lifecycle-hooks.html ("FAILED – Amazon ECS rolls
  // back the deployment"); API_DeploymentLifecycleHook (blue has 100 % of production traffic
  // until PRODUCTION_TRAFFIC_SHIFT).
  const auto run = run_traced(library_scenario(kFails));
  const auto& m = run.result.metrics;
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(m.lifecycle_stage == "POST_TEST_TRAFFIC_SHIFT");
  REQUIRE(m.hooks.size() == 1);
  CHECK(m.hooks[0].status == "FAILED");
  CHECK(m.errors_before_rollback == 0);
  CHECK(m.target_5xx + m.elb_5xx == 0);
  for (const auto& t : m.traffic_by_revision)
    if (t.deployment == 1) CHECK(t.requests == 0);
}

TEST_CASE("a hook that never answers times out: ROLLBACK rolls back, CONTINUE goes on") {
  // Given the approval hook at PRE_PRODUCTION_TRAFFIC_SHIFT stuck IN_PROGRESS with a 30 min
  // timeout, then ROLLBACK rolls back 30 min after the stage starts; with CONTINUE the deployment
  // goes on to the canary shift and COMPLETES. Source:
  // API_DeploymentLifecycleHookTimeoutConfiguration.
  const auto rolled_back = run_traced(library_scenario(kTimesOut));
  CHECK(rolled_back.result.outcome == Outcome::rolled_back);
  REQUIRE(rolled_back.result.metrics.hooks.size() == 1);
  CHECK(rolled_back.result.metrics.hooks[0].status == "TIMED_OUT");
  auto s = library_scenario(kTimesOut);
  s.service.deployment.lifecycle_hooks[0].timeout_action = HookTimeoutAction::continue_deployment;
  s.horizon = sim::hours(3);  // two 30 min timeouts, the 5 min canary wait and the 10 min bake
  const auto continued = run_traced(s);
  CHECK(continued.result.outcome == Outcome::completed);
  CHECK(continued.result.metrics.hooks.size() == 2);  // the hook runs again before the second step
}

TEST_CASE("linear and canary run the production-shift hooks at every step") {
  // Given a hook at PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT answering at once,
  // then LINEAR at 25 % runs it 2 x 4 times and CANARY 2 x 2 times. Source:
  // API_DeploymentLifecycleHook lifecycleStages; ecs-rules §3.3.
  for (const auto& [strategy, steps] : {std::pair{sim::model::DeploymentStrategy::linear, 4},
                                       std::pair{sim::model::DeploymentStrategy::canary, 2}}) {
    auto s = library_scenario(kPasses);
    s.service.deployment.strategy = strategy;
    s.service.deployment.linear_step_percent_tenths = 250;
    s = with_hook(s, {LifecycleStage::pre_production_traffic_shift, LifecycleStage::production_traffic_shift},
                  HookStatus::succeeded, sim::seconds(0));
    const auto run = run_traced(s);
    CHECK(run.result.outcome == Outcome::completed);
    CHECK(run.result.metrics.hooks.size() == static_cast<std::size_t>(2 * steps));
  }
}

TEST_CASE("a rolling deployment has no traffic stages; PRE_SCALE_UP holds back the first launch") {
  // Given ROLLING with a PRE_SCALE_UP hook answering SUCCEEDED after 2 min, then no task of the
  // new revision launches before it answers, and the stages are PRE_SCALE_UP, SCALE_UP,
  // POST_SCALE_UP, BAKE_TIME, CLEAN_UP. Source: ecs-rules §3.3; where ROLLING places them is our
  // reading (the API describes the stages in blue/green terms).
  auto s = library_scenario(kRolling);
  for (auto& [image, app] : s.apps) app.request_error_basis_points = 0;
  const auto run = run_traced(with_hook(s, {LifecycleStage::pre_scale_up}, HookStatus::succeeded, sim::minutes(2)));
  CHECK(run.result.outcome == Outcome::completed);
  CHECK(stages_of(run) ==
        std::vector<std::string>{"PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "BAKE_TIME", "CLEAN_UP"});
  for (const auto& e : testsupport::of_kind<sim::observe::TaskLaunched>(run))
    if (e.deployment == 1) CHECK(e.at >= s.deploy.at + sim::minutes(2));
}

TEST_CASE("a POST_SCALE_UP hook that fails a rolling deployment brings the old revision back") {
  // Given ROLLING and a POST_SCALE_UP hook answering FAILED after 30 s, then the deployment rolls
  // back even though the breaker never counted a failure. Source: deployment-lifecycle-hooks.html.
  auto s = library_scenario(kRolling);
  const auto run = run_traced(with_hook(s, {LifecycleStage::post_scale_up}, HookStatus::failed, sim::seconds(30)));
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(run.result.metrics.failed_tasks == 0);
  CHECK(run.result.metrics.lifecycle_stage == "POST_SCALE_UP");
}
