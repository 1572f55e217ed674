#include "tests/support/w1_workload.h"

namespace testsupport {

using namespace sim;
using namespace sim::model;

namespace {

ContainerDefinition web_container(const std::string& image, int memory_mib) {
  ContainerDefinition c;
  c.name = "web";
  c.image = image;
  c.memory_mib = memory_mib;
  ContainerHealthCheck hc;
  hc.command = {"CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"};
  hc.interval = seconds(30);
  hc.timeout = seconds(5);
  hc.retries = 3;
  hc.start_period = seconds(60);
  c.health_check = hc;
  c.port_mappings = {{8080, 8080}};
  return c;
}

AppProfile web_app(const std::string& image, bool oom) {
  AppProfile a;
  a.image = image;
  a.phases = {StartupPhase{"start-up", seconds(20), {}, OnMissing::exit, {}, OnUnavailable::exit, seconds(30), 1, {}}};
  a.port = 8080;
  a.endpoints["/health"] = Endpoint{EndpointKind::ready, {}};
  a.memory = oom ? std::vector<MemoryPoint>{{seconds(0), 60}, {seconds(45), 253}}
                 : std::vector<MemoryPoint>{{seconds(0), 60}, {seconds(20), 100}};
  a.shutdown_time = seconds(5);
  a.startup_jitter_low_permille = 800;
  a.startup_jitter_high_permille = 1200;
  return a;
}

}  // namespace

Scenario w1_scenario(int n, W1Variant variant) {
  Scenario s;
  s.name = "W1 rolling-" + std::to_string(n) + (variant == W1Variant::oom ? "-oom" : "");
  s.seed = 1;
  s.horizon = seconds(3600);
  s.service.name = "w1";
  s.service.desired_count = n;
  s.service.deployment.minimum_healthy_percent = 100;
  s.service.deployment.maximum_percent = 200;
  s.service.deployment.circuit_breaker.enable = true;
  s.service.deployment.circuit_breaker.rollback = true;
  TargetGroupHealthCheck tg;
  tg.name = "w1-tg";
  tg.path = "/health";
  tg.interval = seconds(10);
  tg.timeout = seconds(5);
  tg.healthy_threshold = 5;
  tg.unhealthy_threshold = 2;
  tg.deregistration_delay = seconds(30);
  s.service.load_balancer = tg;
  // The W1 names no grace period. With none, ELB fails a target twice (20 s) before the
  // app listens (~27 s after launch) and, from unhealthy, it needs 5 passes (50 s) to recover;
  // 120 s covers that, as an engineer tuning this service would set it.
  s.service.health_check_grace_period = seconds(120);
  s.service.container_name_for_lb = "web";
  s.service.container_port_for_lb = 8080;
  const bool oom = variant == W1Variant::oom;
  TaskDefinition old_td{"w1", 1, 256, 512, {web_container("w1:old", 512)}};
  TaskDefinition new_td{"w1", 2, 256, 512, {web_container("w1:new", oom ? 128 : 512)}};
  s.task_definitions = {old_td, new_td};
  s.apps["w1:old"] = web_app("w1:old", false);
  s.apps["w1:new"] = web_app("w1:new", oom);
  s.initial_task_definition = 0;
  s.deploy = Deploy{1, seconds(0)};
  s.platform.provisioning = seconds(2);
  s.platform.pull = seconds(5);
  s.platform.activating = Millis{0};
  s.platform.deprovisioning = Millis{0};
  s.platform.jitter_low_permille = 800;
  s.platform.jitter_high_permille = 1200;
  return s;
}

std::string to_string(W1Variant v) { return v == W1Variant::oom ? "W1-oom" : "W1"; }

}  // namespace testsupport
