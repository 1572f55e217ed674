// The "apps" section: app profiles by image reference.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A scenario whose image "web:1" has the profile `profile`, which starts on line 3; a dependency
// "redis" exists.
std::string with_profile(const std::string& profile) {
  return R"({
  "apps": {
    "web:1": )" +
         profile + R"(
  },
  "dependencies": [{"name": "redis"}],
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"}
})";
}

}  // namespace

TEST_CASE("an app profile is read with every field", "[scenario]") {
  const std::string text = with_profile(R"({
      "phases": [{"name": "config", "seconds": 1.5, "reads": ["REDIS_URL"], "onMissing": "stall"},
                 {"name": "connect", "seconds": 2, "connectsTo": ["redis"], "onUnavailable": "wait",
                  "waitTimeoutSeconds": 20, "exitCode": 3}],
      "port": 9090, "bindAddress": "127.0.0.1", "liveFromPhase": 1,
      "endpoints": {"/health/live": {"kind": "live"},
                    "/health/ready": {"kind": "ready", "checks": ["redis"]}},
      "memory": [{"atSeconds": 0, "mib": 60}, {"atSeconds": 35, "mib": 253}],
      "leakMibPerHour": 12, "binaries": ["sh"], "responseTimeMs": 40, "shutdownSeconds": 0.5,
      "ignoresSigterm": true, "runsForSeconds": 90, "exitCodeWhenDone": 2,
      "crashAfterListeningSeconds": 30, "startupJitter": [900, 1100]})");
  const sim::model::AppProfile app = load_scenario_text(text, "t.json").scenario.apps.at("web:1");
  CHECK(app.image == "web:1");
  REQUIRE(app.phases.size() == 2);
  CHECK(app.phases[0].duration == sim::Millis{1500});
  CHECK(app.phases[0].on_missing == sim::model::OnMissing::stall);
  CHECK(app.phases[1].connects_to == std::vector<std::string>{"redis"});
  CHECK(app.phases[1].on_unavailable == sim::model::OnUnavailable::wait);
  CHECK(app.phases[1].wait_timeout == sim::seconds(20));
  CHECK(app.phases[1].exit_code == 3);
  CHECK(app.port == 9090);
  CHECK(app.bind_address == "127.0.0.1");
  CHECK(app.live_from_phase == 1);
  CHECK(app.endpoints.at("/health/ready").checks == std::vector<std::string>{"redis"});
  CHECK(app.endpoints.at("/health/live").kind == sim::model::EndpointKind::live);
  CHECK(app.memory[1].at == sim::seconds(35));
  CHECK(app.memory[1].mib == 253);
  CHECK(app.leak_mib_per_hour == 12);
  CHECK(app.binaries == std::vector<std::string>{"sh"});
  CHECK(app.response_time == sim::Millis{40});
  CHECK(app.shutdown_time == sim::Millis{500});
  CHECK(app.ignores_sigterm);
  CHECK(app.runs_for == sim::seconds(90));
  CHECK(app.exit_code_when_done == 2);
  CHECK(app.crash_after_listening == sim::seconds(30));
  CHECK(app.startup_jitter_low_permille == 900);
  CHECK(app.startup_jitter_high_permille == 1100);
}

TEST_CASE("a misspelt key in an app profile is rejected with a did-you-mean hint", "[scenario]") {
  CHECK(load_error(with_profile(R"({"phses": []})")) ==
        "test.json:3:15: at /apps/web:1/phses: expected a known key (did you mean \"phases\"?), "
        "found unknown key \"phses\"");
}

TEST_CASE("an unknown key with no near match lists the keys there are", "[scenario]") {
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "colour": "red"}]})")) ==
        "test.json:3:43: at /apps/web:1/phases/0/colour: expected one of the keys \"name\", "
        "\"seconds\", \"reads\", \"onMissing\", \"connectsTo\", \"onUnavailable\", "
        "\"waitTimeoutSeconds\", \"retry\", \"exitCode\", found unknown key \"colour\"");
}

TEST_CASE("a phase connecting to an unknown dependency is refused", "[scenario]") {
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "connectsTo": ["postgres"]}]})")) ==
        "test.json:3:58: at /apps/web:1/phases/0/connectsTo/0: expected one of the dependencies "
        "or other containers of task definition web:1 \"redis\", found \"postgres\"");
}

TEST_CASE("a phase may connect to another container of every task definition running it",
          "[scenario]") {
  // Given Kafka and ZooKeeper in one task, then Kafka's connectsTo may name "zookeeper".
  const char* text = R"({
  "apps": {"kafka:1": {"phases": [{"name": "connect", "connectsTo": ["zookeeper"]}]}, "zk:1": {}},
  "service": {"serviceName": "kafka", "desiredCount": 1},
  "taskDefinitions": [{"family": "kafka", "containerDefinitions": [
    {"name": "zookeeper", "image": "zk:1"}, {"name": "kafka", "image": "kafka:1"}]}],
  "deploy": {"taskDefinition": "kafka:1"}
})";
  CHECK(load_scenario_text(text, "t.json").scenario.apps.at("kafka:1").phases[0].connects_to ==
        std::vector<std::string>{"zookeeper"});
  // When a second definition runs the same image without it, then the name is refused there.
  const char* split = R"({
  "apps": {"kafka:1": {"phases": [{"name": "connect", "connectsTo": ["zookeeper"]}]}, "zk:1": {}},
  "service": {"serviceName": "kafka", "desiredCount": 1},
  "taskDefinitions": [
    {"family": "kafka", "containerDefinitions": [
      {"name": "zookeeper", "image": "zk:1"}, {"name": "kafka", "image": "kafka:1"}]},
    {"family": "kafka", "revision": 2, "containerDefinitions": [{"name": "kafka", "image": "kafka:1"}]}]
})";
  CHECK(load_error(split) ==
        "test.json:2:70: at /apps/kafka:1/phases/0/connectsTo/0: expected one of the dependencies "
        "or other containers of task definition kafka:2 (there are none), found \"zookeeper\"");
}

TEST_CASE("liveFromPhase runs from the first phase to one past the last (live once started)",
          "[scenario]") {
  const std::string two_phases = R"({"phases": [{"name": "a"}, {"name": "b"}], "liveFromPhase": )";
  CHECK(load_scenario_text(with_profile(two_phases + "2}"), "t.json").scenario.apps.at("web:1").live_from_phase == 2);
  CHECK(load_error(with_profile(two_phases + "3}")) ==
        "test.json:3:74: at /apps/web:1/liveFromPhase: expected an integer 0-2, found 3");
}

TEST_CASE("a waiting phase reads its retry policy", "[scenario]") {
  // Given retries every 2.5 s growing 1.5 times up to 20 s, then the policy holds them in
  // milliseconds and permille; without "retry" the wait is a tight loop.
  const auto app = load_scenario_text(with_profile(R"({"phases": [{"name": "connect", "connectsTo": ["redis"],
      "onUnavailable": "wait", "retry": {"intervalSeconds": 2.5, "backoff": 1.5, "maxIntervalSeconds": 20}},
      {"name": "other", "connectsTo": ["redis"], "onUnavailable": "wait"}]})"), "t.json").scenario.apps.at("web:1");
  CHECK(app.phases[0].retry.interval == sim::Millis{2500});
  CHECK(app.phases[0].retry.backoff_permille == 1500);
  CHECK(app.phases[0].retry.max_interval == sim::seconds(20));
  CHECK(app.phases[1].retry.tight());
}

TEST_CASE("a retry policy needs a waiting phase and a ceiling above its interval", "[scenario]") {
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "retry": {"intervalSeconds": 1}}]})")) ==
        "test.json:3:52: at /apps/web:1/phases/0/retry: expected \"onUnavailable\": \"wait\" beside a retry "
        "policy (only a waiting phase retries), found {\"intervalSeconds\":1}");
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "onUnavailable": "wait", "retry": {"intervalSeconds": 5, "maxIntervalSeconds": 2}}]})")) ==
        "test.json:3:122: at /apps/web:1/phases/0/retry/maxIntervalSeconds: expected a number of seconds >= "
        "intervalSeconds (5 s), found 2");
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "onUnavailable": "wait", "retry": {"intervalSeconds": 5, "backoff": 0.5}}]})")) ==
        "test.json:3:111: at /apps/web:1/phases/0/retry/backoff: expected a number 1-10, found 0.5");
}

TEST_CASE("an unknown onMissing value lists the choices", "[scenario]") {
  CHECK(load_error(with_profile(R"({"phases": [{"name": "boot", "onMissing": "crash"}]})")) ==
        "test.json:3:56: at /apps/web:1/phases/0/onMissing: expected one of \"exit\", \"stall\", "
        "found \"crash\"");
}

TEST_CASE("memory points must move forward in time", "[scenario]") {
  CHECK(load_error(with_profile(
            R"({"memory": [{"atSeconds": 10, "mib": 60}, {"atSeconds": 10, "mib": 70}]})")) ==
        "test.json:3:70: at /apps/web:1/memory/1/atSeconds: expected a number of seconds after "
        "the previous point's (10 s), found 10");
}

TEST_CASE("an endpoint path must start with a slash", "[scenario]") {
  CHECK(load_error(with_profile(R"({"endpoints": {"health": {"kind": "live"}}})")) ==
        "test.json:3:29: at /apps/web:1/endpoints/health: expected an endpoint path starting "
        "with \"/\", found \"health\"");
}

}  // namespace harness::scenario
