#include "harness/check/config_generators.h"

#include "harness/check/liveness_bounds.h"
#include "sim/ecs/deployment_bounds.h"

namespace harness::check {
namespace {

using sim::Millis;
namespace gen = rc::gen;

// Whole seconds in [low, high]: shrinks toward `low`.
Millis seconds_between(int low, int high) { return sim::seconds(*gen::inRange(low, high + 1)); }

}  // namespace

rc::Gen<sim::model::DeploymentConfiguration> gen_deployment_configuration(int desired_count, bool breaker_on) {
  return gen::exec([=] {
    sim::model::DeploymentConfiguration d;
    d.minimum_healthy_percent = *gen::inRange(0, 101);
    d.maximum_percent = *gen::inRange(100, 201);
    // Room to make progress: with maxTasks == minHealthyTasks nothing may start or stop (the
    // deadlock ECS reports); such a config is STUCK by design, not a liveness question.
    const auto bounds = sim::ecs::task_bounds(desired_count, d.minimum_healthy_percent, d.maximum_percent);
    if (bounds.max_tasks <= bounds.min_healthy_tasks) d.maximum_percent = 200;
    auto& b = d.circuit_breaker;
    b.enable = breaker_on || *gen::arbitrary<bool>();
    b.rollback = *gen::arbitrary<bool>();
    // thresholdConfiguration (July 2026): the default BOUNDED_PERCENT 50, another percent of
    // either kind, or a COUNT; resetOnHealthyTask on or off.
    using sim::model::ThresholdType;
    b.threshold_type = *gen::element(ThresholdType::bounded_percent, ThresholdType::unbounded_percent,
                                     ThresholdType::count);
    b.threshold_value = b.threshold_type == ThresholdType::count ? *gen::inRange(1, 6) : *gen::inRange(1, 101);
    b.reset_on_healthy_task = !*gen::arbitrary<bool>();
    return d;
  });
}

rc::Gen<sim::model::ContainerHealthCheck> gen_container_health_check(int port) {
  return gen::exec([=] {
    sim::model::ContainerHealthCheck c;
    c.command = {"CMD-SHELL", "wget -q -O- http://localhost:" + std::to_string(port) + "/health/live || exit 1"};
    c.interval = seconds_between(5, 60);
    c.timeout = seconds_between(2, std::min(10, static_cast<int>(c.interval.count() / 1000) - 1));
    c.retries = *gen::inRange(1, 11);
    c.start_period = seconds_between(0, 300);
    return c;
  });
}

rc::Gen<sim::model::TargetGroupHealthCheck> gen_target_group() {
  return gen::exec([] {
    sim::model::TargetGroupHealthCheck g;
    g.name = "web-tg";
    g.path = "/health/ready";
    g.interval = seconds_between(5, 60);
    g.timeout = seconds_between(2, std::min(10, static_cast<int>(g.interval.count() / 1000) - 1));
    g.healthy_threshold = *gen::inRange(2, 11);
    g.unhealthy_threshold = *gen::inRange(2, 11);
    g.deregistration_delay = seconds_between(0, 60);
    return g;
  });
}

rc::Gen<sim::model::AppProfile> gen_app_profile(const std::string& image) {
  return gen::exec([=] {
    sim::model::AppProfile a;
    a.image = image;
    const int phases = *gen::inRange(1, 4);
    for (int i = 0; i < phases; ++i) {
      sim::model::StartupPhase p;
      p.name = "phase " + std::to_string(i + 1);
      p.duration = seconds_between(0, 60);
      a.phases.push_back(p);
    }
    a.endpoints["/health/live"] = {sim::model::EndpointKind::live, {}};
    a.endpoints["/health/ready"] = {sim::model::EndpointKind::ready, {}};
    a.memory = {{Millis{0}, 48}, {sim::seconds(30), *gen::inRange(64, 401)}};
    a.startup_jitter_low_permille = *gen::inRange(800, 1001);
    a.startup_jitter_high_permille = *gen::inRange(1000, 1301);
    return a;
  });
}

namespace {

sim::model::TaskDefinition revision(int number, const std::string& image, int memory_mib) {
  sim::model::TaskDefinition td;
  td.family = "web";
  td.revision = number;
  td.cpu_units = 256;
  td.memory_mib = memory_mib;
  sim::model::ContainerDefinition c;
  c.name = "web";
  c.image = image;
  c.memory_mib = memory_mib;
  c.port_mappings = {{8080, 8080}};
  c.stop_timeout = seconds_between(0, 30);
  td.containers.push_back(c);
  return td;
}

}  // namespace

rc::Gen<sim::model::Scenario> gen_scenario(ConfigShape shape) {
  return gen::exec([=] {
    sim::model::Scenario s;
    s.name = "generated";
    s.horizon = sim::hours(6);
    s.service.name = "web";
    s.service.desired_count = *gen::inRange(1, 7);
    s.service.deployment = *gen_deployment_configuration(s.service.desired_count, shape.breaker_on);
    s.service.health_check_grace_period = seconds_between(0, 300);
    // Fargate's smallest memory sizes and up: always above the app's 400 MiB peak at most.
    const int memory_mib = *gen::element(512, 1024, 2048);
    s.task_definitions = {revision(1, "web:1.0", memory_mib), revision(2, "web:2.0", memory_mib)};
    s.deploy = {1, sim::Millis{0}};
    const sim::model::AppProfile app = *gen_app_profile("web:1.0");
    s.apps["web:1.0"] = app;
    s.apps["web:2.0"] = app;
    s.apps["web:2.0"].image = "web:2.0";
    if (*gen::arbitrary<bool>()) {
      // A database the app waits for at start-up and its readiness endpoint checks: what a
      // dependency blip (harness/check/fault_set.h) takes away from old and new tasks alike.
      sim::model::DependencyProfile db;
      db.name = "db";
      s.dependencies.push_back(db);
      for (auto& [image, profile] : s.apps) {
        profile.phases.front().connects_to = {"db"};
        profile.phases.front().on_unavailable = sim::model::OnUnavailable::wait;
        profile.phases.front().wait_timeout = sim::minutes(10);
        profile.endpoints["/health/ready"].checks = {"db"};
      }
    }
    if (*gen::arbitrary<bool>()) {
      const auto check = *gen_container_health_check(8080);
      for (auto& td : s.task_definitions) td.containers[0].health_check = check;
    }
    if (*gen::arbitrary<bool>()) {
      s.service.load_balancer = *gen_target_group();
      s.service.container_name_for_lb = "web";
      s.service.container_port_for_lb = 8080;
    }
    if (shape.grace_covers_startup)
      s.service.health_check_grace_period = std::max(s.service.health_check_grace_period, grace_needed(s));
    s.seed = *gen::inRange<std::uint64_t>(0, 1'000'000);
    return s;
  });
}

}  // namespace harness::check
