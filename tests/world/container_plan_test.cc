// Playing an app profile: start-up phases, missing variables, dependencies, memory and the OOM
// kill (sim/world/container_plan.h).
#include <catch2/catch.hpp>

#include "sim/world/container_plan.h"

using namespace sim;
using namespace sim::model;
using sim::world::ContainerPlan;
using sim::world::DependencySchedule;
using sim::world::PlanInputs;

namespace {

// The plans' exit words, for the whole test run: a plan points at its entry.
sim::world::ExitWordsTable& words() {
  static sim::world::ExitWordsTable table;
  return table;
}

AppProfile two_phase_app() {
  AppProfile a;
  a.phases = {StartupPhase{"load config", seconds(2), {"DB_URL"}, OnMissing::exit, {}, OnUnavailable::exit, seconds(30), 3, {}},
              StartupPhase{"connect redis", seconds(3), {}, OnMissing::exit, {"redis"}, OnUnavailable::wait, seconds(30), 1, {}}};
  return a;
}

ContainerPlan plan(const AppProfile& app, std::set<std::string> env, int limit,
                   const DependencySchedule& deps = DependencySchedule()) {
  Rng rng(1);
  PlanInputs in{&app, &env, limit, seconds(100)};
  return sim::world::plan_container(in, deps, rng, words());
}

}  // namespace

TEST_CASE("an app with everything it needs listens after its phases") {
  // Given two phases of 2 s and 3 s and no jitter, when the container starts at 100 s, then it
  // listens at 105 s and never exits.
  const ContainerPlan p = plan(two_phase_app(), {"DB_URL"}, 0);
  CHECK(p.listening_at == seconds(105));
  CHECK(p.exit_at == kNever);
  CHECK(p.health_server_at == seconds(100));
}

TEST_CASE("a missing variable read with onMissing exit ends the process at that phase") {
  // Given DB_URL is not set, when the first phase reads it, then the process exits with the
  // phase's exit code at once (seed 000's OPENAI_API_KEY).
  const ContainerPlan p = plan(two_phase_app(), {}, 0);
  CHECK(p.exit_at == seconds(100));
  CHECK(p.exit_code == 3);
  CHECK(p.listening_at == kNever);
}

TEST_CASE("a missing variable read with onMissing stall leaves a live process that never listens") {
  // Given onMissing stall, when the variable is missing, then the process lives on but never
  // listens (seed 001's partial start-up).
  AppProfile app = two_phase_app();
  app.phases[0].on_missing = OnMissing::stall;
  const ContainerPlan p = plan(app, {}, 0);
  CHECK(p.stalled);
  CHECK(p.exit_at == kNever);
  CHECK(p.listening_at == kNever);
}

TEST_CASE("a dependency that comes up within the wait timeout delays start-up") {
  // Given redis is down until 110 s and the phase waits up to 30 s, when the app reaches the
  // phase at 102 s, then it waits to 110 s and listens at 113 s.
  DependencySchedule deps({DependencyProfile{"redis", seconds(0), seconds(0), true, {{seconds(0), seconds(110)}}, "", {}}}, {},
                          RngStreams(1));
  const ContainerPlan p = plan(two_phase_app(), {"DB_URL"}, 0, deps);
  CHECK(p.listening_at == seconds(113));
}

TEST_CASE("a dependency that stays down past the wait timeout ends the process") {
  // Given redis never reachable and a 30 s wait, when the phase starts at 102 s, then the process
  // exits at 132 s with the phase's exit code (seed 003's 30 s wait).
  DependencySchedule deps({DependencyProfile{"redis", seconds(0), seconds(0), false, {}, "", {}}}, {}, RngStreams(1));
  const ContainerPlan p = plan(two_phase_app(), {"DB_URL"}, 0, deps);
  CHECK(p.exit_at == seconds(132));
  CHECK(p.exit_code == 1);
}

TEST_CASE("a retrying app gets through at its first attempt after the dependency is up") {
  // Given redis down until 110 s and a phase at 102 s retrying every 5 s, doubling, at most 6 s
  // (attempts at 102, 107, 113, 119 ...), when redis comes up at 110 s, then the app connects at
  // 113 s and listens at 116 s; with a fixed 5 s interval (102, 107, 112) it listens at 115 s.
  // Source: seed 003 ("retry logic ... with exponential backoff").
  DependencySchedule deps({DependencyProfile{"redis", seconds(0), seconds(0), true, {{seconds(0), seconds(110)}}, "", {}}}, {},
                          RngStreams(1));
  AppProfile app = two_phase_app();
  app.phases[1].retry = RetryPolicy{seconds(5), 2000, seconds(6)};
  CHECK(plan(app, {"DB_URL"}, 0, deps).listening_at == seconds(116));
  app.phases[1].retry = RetryPolicy{seconds(5), 1000, kNever};
  CHECK(plan(app, {"DB_URL"}, 0, deps).listening_at == seconds(115));
}

TEST_CASE("a retrying app whose next attempt falls after the wait timeout exits at the timeout") {
  // Given redis up from 130 s, a 30 s wait from 102 s (until 132 s) and retries every 20 s
  // (attempts at 102 and 122; the next, 142, is past the deadline), then the process exits at
  // 132 s although redis was up for its last 2 s: the app never asked again in time.
  DependencySchedule deps({DependencyProfile{"redis", seconds(0), seconds(0), true, {{seconds(0), seconds(130)}}, "", {}}}, {},
                          RngStreams(1));
  AppProfile app = two_phase_app();
  app.phases[1].retry = RetryPolicy{seconds(20), 1000, kNever};
  const ContainerPlan p = plan(app, {"DB_URL"}, 0, deps);
  CHECK(p.exit_at == seconds(132));
  CHECK(p.exit_words->detail == "redis not ready within 30 s");
}

TEST_CASE("an attempt that falls in a later outage tries again") {
  // Given redis down until 104 s and again from 106.5 s to 109 s, and attempts every 2.5 s from
  // 102 s (102, 104.5, 107, 109.5), then the app connects at 104.5 s and listens at 107.5 s; with
  // the first outage ending at 105 s instead, the attempt at 107 s meets the second outage, so it
  // connects at 109.5 s and listens at 112.5 s.
  AppProfile app = two_phase_app();
  app.phases[1].retry = RetryPolicy{Millis{2500}, 1000, kNever};
  DependencySchedule early({DependencyProfile{"redis", seconds(0), seconds(0), true,
                                              {{seconds(0), seconds(104)}, {Millis{106500}, seconds(109)}}, "", {}}},
                           {}, RngStreams(1));
  CHECK(plan(app, {"DB_URL"}, 0, early).listening_at == Millis{107500});
  DependencySchedule late({DependencyProfile{"redis", seconds(0), seconds(0), true,
                                             {{seconds(0), seconds(105)}, {Millis{106500}, seconds(109)}}, "", {}}},
                          {}, RngStreams(1));
  CHECK(plan(app, {"DB_URL"}, 0, late).listening_at == Millis{112500});
}

TEST_CASE("a container of the same task is asked instead of the dependency of that name") {
  // Given a sibling "redis" container listening from 120 s (the dependency "redis" is always up),
  // when the app reaches its connect phase at 102 s and waits up to 30 s, then it waits for the
  // sibling and listens at 123 s.
  AppProfile app = two_phase_app();
  std::set<std::string> env = {"DB_URL"};
  const sim::world::SiblingWindows siblings = {{"redis", {seconds(120), kNever}}};
  Rng rng(1);
  const PlanInputs in{&app, &env, 0, seconds(100), &siblings};
  CHECK(sim::world::plan_container(in, DependencySchedule(), rng, words()).listening_at == seconds(123));
}

TEST_CASE("a container of the same task that has not started, or has exited, is down") {
  // Given onUnavailable exit, when the sibling has no plan yet or exited at 101 s, then the app
  // exits at its connect phase (102 s): seed 004's Kafka without dependsOn.
  AppProfile app = two_phase_app();
  app.phases[1].on_unavailable = OnUnavailable::exit;
  std::set<std::string> env = {"DB_URL"};
  for (const TimeWindow window : {TimeWindow{kNever, kNever}, TimeWindow{seconds(50), seconds(101)}}) {
    const sim::world::SiblingWindows siblings = {{"redis", window}};
    Rng rng(1);
    const PlanInputs in{&app, &env, 0, seconds(100), &siblings};
    const ContainerPlan p = sim::world::plan_container(in, DependencySchedule(), rng, words());
    CHECK(p.exit_at == seconds(102));
    CHECK(p.exit_words->detail == "cannot connect to redis in phase \"connect redis\"");
  }
}

TEST_CASE("a URL variable without a scheme the client takes makes its dependency unusable") {
  // Given redis-py's schemes, when REDIS_URL is a bare host (seed 002, as a secret value), or
  // http://, then redis is unusable with the reason; rediss:// or an unknown value is fine.
  Scenario scenario;
  scenario.dependencies = {DependencyProfile{"redis", seconds(0), seconds(0), true, {}, "REDIS_URL",
                                             {"redis", "rediss", "unix"}}};
  ContainerDefinition container;
  container.secrets = {"REDIS_URL"};
  container.secret_sources = {{"REDIS_URL", "arn:aws:ssm:us-east-1:1:parameter/redis"}};
  CHECK(sim::world::unusable_dependencies(scenario, container).empty());  // value unknown
  scenario.secret_values["arn:aws:ssm:us-east-1:1:parameter/redis"] = "master.cache.amazonaws.com";
  CHECK(sim::world::unusable_dependencies(scenario, container) ==
        sim::world::UnusableDependencies{{"redis", "REDIS_URL \"master.cache.amazonaws.com\" has no scheme"}});
  container.environment["REDIS_URL"] = "http://cache:6379";  // the environment wins over a secret
  CHECK(sim::world::unusable_dependencies(scenario, container).at("redis") ==
        "REDIS_URL \"http://cache:6379\" has scheme http://, which the client refuses");
  container.environment["REDIS_URL"] = "rediss://cache:6379";
  CHECK(sim::world::unusable_dependencies(scenario, container).empty());
}

TEST_CASE("an unusable dependency is down for the app's phases, with the reason") {
  // Given redis unusable, when the app waits up to 30 s for it at 102 s, then it exits at 132 s
  // saying why.
  AppProfile app = two_phase_app();
  std::set<std::string> env = {"DB_URL"};
  const sim::world::UnusableDependencies unusable = {{"redis", "REDIS_URL \"cache\" has no scheme"}};
  Rng rng(1);
  PlanInputs in{&app, &env, 0, seconds(100)};
  in.unusable = &unusable;
  const ContainerPlan p = sim::world::plan_container(in, DependencySchedule(), rng, words());
  CHECK(p.exit_at == seconds(132));
  CHECK(p.exit_words->detail == "redis not ready within 30 s: REDIS_URL \"cache\" has no scheme");
}

TEST_CASE("memory crossing the hard limit is an OOM kill with exit 137 and ECS's reason") {
  // Given memory rising linearly from 60 MiB at 0 s to 253 MiB at 45 s and a 128 MiB limit, when
  // the container runs, then the kernel kills it when the curve reaches 128 MiB: at
  // ceil((128-60) x 45000 / 193) ms = 15 855 ms after start. Source: ecs-rules §8.
  AppProfile app = two_phase_app();
  app.memory = {{seconds(0), 60}, {seconds(45), 253}};
  const ContainerPlan p = plan(app, {"DB_URL"}, 128);
  CHECK(p.oom);
  CHECK(p.exit_code == 137);
  CHECK(p.exit_words->reason == "OutOfMemoryError: Container killed due to memory usage");
  CHECK(p.exit_at == seconds(100) + Millis{15855});
  CHECK(p.listening_at == seconds(105));  // it had started: the kill comes later
}

TEST_CASE("a leak reaches the limit after the last memory point") {
  // Given 100 MiB flat and a leak of 60 MiB per hour, when the limit is 128 MiB, then the OOM kill
  // comes 28 minutes after the last point.
  AppProfile app = two_phase_app();
  app.memory = {{seconds(0), 100}};
  app.leak_mib_per_hour = 60;
  CHECK(sim::world::memory_crossing(app, 128) == minutes(28));
}

TEST_CASE("memory below the limit never kills") {
  // Given a curve that settles at 253 MiB, when the limit is 512 MiB, then there is no OOM.
  AppProfile app = two_phase_app();
  app.memory = {{seconds(0), 60}, {seconds(45), 253}};
  CHECK(sim::world::memory_crossing(app, 512) == kNever);
  CHECK_FALSE(plan(app, {"DB_URL"}, 512).oom);
}
