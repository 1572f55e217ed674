// The "check" section: the fault envelope and intents `deploysim check` explores.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A loadable scenario with a "redis" dependency whose "check" is `check`, which starts on line 2.
std::string with_check(const std::string& check) {
  return R"({
  "check": )" + check + R"(,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "dependencies": [{"name": "redis"}],
  "apps": {"web:1": {}}
})";
}

}  // namespace

TEST_CASE("a check section is read with its envelope and intents", "[scenario]") {
  // Given runs, an envelope with every kind of fault and two intents, then each lands in the model.
  const auto check = load_scenario_text(with_check(R"({"runs": 50,
    "envelope": {"slowStartSeconds": 120, "dependencyBlips": {"targets": ["redis"], "maxSeconds": 30.5},
                 "breaking": ["oom", "bad_config"]},
    "intents": [{"name": "good completes", "deploys": "good", "outcome": "COMPLETED", "withinSeconds": 900},
                {"name": "bad ends", "deploys": "bad", "outcome": ["ROLLED_BACK", "FAILED"]}]})"),
                                        "t.json")
                         .scenario.check;
  REQUIRE(check.has_value());
  CHECK(check->runs == 50);
  CHECK(check->envelope.max_slow_start == sim::seconds(120));
  CHECK(check->envelope.blip_targets == std::vector<std::string>{"redis"});
  CHECK(check->envelope.max_blip == sim::Millis{30500});
  CHECK(check->envelope.breaking ==
        std::vector<sim::model::BreakingFault>{sim::model::BreakingFault::oom, sim::model::BreakingFault::bad_config});
  REQUIRE(check->intents.size() == 2);
  CHECK(check->intents[0].deploys == sim::model::DeployClass::good);
  CHECK(check->intents[0].within == sim::seconds(900));
  CHECK(check->intents[1].outcomes.size() == 2);
  CHECK_FALSE(check->intents[1].within.has_value());
}

TEST_CASE("a check section's mistakes name the spot and what was expected", "[scenario]") {
  // Given a misspelt key, an unknown fault, a blip of a dependency that does not exist and no
  // intents, then each is one precise error.
  CHECK(load_error(with_check(R"({"intents": [{"name": "x", "outcome": "COMPLETED"}], "envelop": {}})")) ==
        "test.json:2:65: at /check/envelop: expected a known key (did you mean \"envelope\"?), found unknown key "
        "\"envelop\"");
  CHECK(load_error(with_check(R"({"envelope": {"breaking": ["oom", "segfault"]}, "intents": []})")) ==
        "test.json:2:46: at /check/envelope/breaking/1: expected one of \"oom\", \"missing_secret\", \"crash_loop\", "
        "\"missing_probe_binary\", \"bind_localhost\", \"bad_config\", found \"segfault\"");
  CHECK(load_error(with_check(R"({"envelope": {"dependencyBlips": {"targets": ["redys"], "maxSeconds": 5}}})")) ==
        "test.json:2:58: at /check/envelope/dependencyBlips/targets/0: expected one of the dependencies \"redis\" "
        "(did you mean \"redis\"?), found \"redys\"");
  CHECK(load_error(with_check(R"({"intents": []})")) ==
        "test.json:2:24: at /check/intents: expected at least one intent, found []");
}

}  // namespace harness::scenario
