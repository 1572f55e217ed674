// How the simulated app answers probes (sim/world/app_endpoint.h).
#include <catch2/catch.hpp>

#include "sim/world/app_endpoint.h"

using namespace sim;
using namespace sim::model;
using namespace sim::world;

namespace {

struct Fixture {
  AppProfile app;
  ContainerPlan plan;
  DependencySchedule deps{{DependencyProfile{"redis", seconds(0), seconds(0), true, {{seconds(200), seconds(230)}}, "", {}}},
                          {},
                          RngStreams(1)};
  Fixture() {
    app.port = 8080;
    app.endpoints["/health/live"] = Endpoint{EndpointKind::live, {}};
    app.endpoints["/health/ready"] = Endpoint{EndpointKind::ready, {"redis"}};
    app.endpoints["/health"] = Endpoint{EndpointKind::degraded, {}};
    plan.started_at = seconds(0);
    plan.health_server_at = seconds(0);
    plan.listening_at = seconds(20);
  }
  ecs::ProbeOutcome ask(const std::string& path, Millis t, ProbeOrigin origin = ProbeOrigin::load_balancer) {
    return AppEndpoint(app, plan, deps).answer(resolved({origin, 8080, path, {200}, nullptr}, app), t);
  }
};

}  // namespace

TEST_CASE("a shallow live endpoint answers 200 before start-up finishes") {
  // Given /health/live served from the first phase, when probed at 5 s (start-up runs to 20 s),
  // then it passes: the seed 001 check that stayed green while the app never listened.
  Fixture f;
  CHECK(f.ask("/health/live", seconds(5)).pass);
  CHECK_FALSE(f.ask("/health/ready", seconds(5)).pass);
  CHECK(f.ask("/health/ready", seconds(5)).http_code == 503);
}

TEST_CASE("a ready endpoint fails while a dependency it checks is down and a degraded one does not") {
  // Given redis down from 200 s to 230 s, when probed at 210 s, then /health/ready answers 503
  // and the "degraded" /health answers 200 (seed 002: a 200 is healthy to a target group).
  Fixture f;
  CHECK(f.ask("/health/ready", seconds(210)).http_code == 503);
  CHECK(f.ask("/health", seconds(210)).pass);
  CHECK(f.ask("/health/ready", seconds(230)).pass);
}

TEST_CASE("an app bound to 127.0.0.1 passes its own check but refuses the load balancer") {
  // Given bindAddress 127.0.0.1, when probed from inside and from the ALB, then only the inside
  // probe passes (seed 003's localhost bind).
  Fixture f;
  f.app.bind_address = "127.0.0.1";
  CHECK(f.ask("/health", seconds(30), ProbeOrigin::container).pass);
  const auto lb = f.ask("/health", seconds(30), ProbeOrigin::load_balancer);
  CHECK_FALSE(lb.pass);
  CHECK(lb.failure == ecs::ProbeFailure::connection_refused);
}

TEST_CASE("an unknown path answers 404 once the app listens") {
  // Given no /status endpoint, when probed, then the answer is 404: Target.ResponseCodeMismatch.
  Fixture f;
  CHECK(f.ask("/status", seconds(30)).http_code == 404);
}

TEST_CASE("the next change of a ready endpoint is the next edge of its dependency") {
  // Given redis goes down at 200 s, when asked at 100 s, then the answer may next change at 200 s.
  Fixture f;
  const HttpProbe probe = resolved({ProbeOrigin::load_balancer, 8080, "/health/ready", {200}, nullptr}, f.app);
  CHECK(AppEndpoint(f.app, f.plan, f.deps).next_change(probe, seconds(100)) == seconds(200));
}

TEST_CASE("a check calling a binary the image lacks cannot run") {
  // Given an image with only sh, when the check calls wget or curl, then it cannot run; the
  // chaos app's own probe path can (seed 004). Source: ecs-rules §5 (missing probe binary).
  AppProfile app;
  app.binaries = {"sh", "/app/probe"};
  CHECK_FALSE(image_can_run(app, {"CMD-SHELL", "wget --spider http://localhost:8081/health || exit 1"}));
  CHECK_FALSE(image_can_run(app, {"CMD-SHELL", "curl -f http://localhost:8081/health || exit 1"}));
  CHECK(image_can_run(app, {"CMD", "/app/probe", "http://localhost:8081/health"}));
  app.binaries = {"wget"};
  CHECK_FALSE(image_can_run(app, {"CMD-SHELL", "wget --spider http://localhost:8081/health"}));  // no sh
}
