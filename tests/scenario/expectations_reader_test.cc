// The "expect" section: the outcome a scenario must reach and bounds on its metrics.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A loadable scenario whose "expect" is `expect`, which starts on line 2.
std::string with_expect(const std::string& expect) {
  return R"({
  "expect": )" + expect + R"(,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
}

}  // namespace

TEST_CASE("an expect section is read with every bound", "[scenario]") {
  // Given an outcome, time ranges in seconds and counts as ranges or bare integers, then each
  // lands in the model in its unit.
  const std::string text = with_expect(R"({"outcome": "ROLLED_BACK",
    "timeToOutcomeSeconds": {"max": 360}, "timeToDetectSeconds": {"min": 20, "max": 90.5},
    "failedTasks": 3, "oomKills": {"min": 3}, "tasksLaunched": {"max": 6},
    "belowDesiredHealthySeconds": {"max": 0}, "zeroHealthySeconds": {"min": 60}})");
  const auto expect = load_scenario_text(text, "t.json").scenario.expect;
  REQUIRE(expect.has_value());
  CHECK(expect->outcome == sim::observe::Outcome::rolled_back);
  CHECK_FALSE(expect->time_to_outcome.min.has_value());
  CHECK(expect->time_to_outcome.max == sim::seconds(360));
  CHECK(expect->time_to_detect.min == sim::seconds(20));
  CHECK(expect->time_to_detect.max == sim::Millis{90500});
  CHECK(expect->failed_tasks.min == 3);
  CHECK(expect->failed_tasks.max == 3);
  CHECK(expect->oom_kills.min == 3);
  CHECK_FALSE(expect->oom_kills.max.has_value());
  CHECK(expect->tasks_launched.max == 6);
  CHECK(expect->below_desired_healthy.max == sim::seconds(0));
  CHECK(expect->zero_healthy.min == sim::seconds(60));
}

TEST_CASE("expect needs an outcome, spelt as the report prints it", "[scenario]") {
  CHECK(load_error(with_expect(R"({"failedTasks": 3})")) ==
        "test.json:2:13: at /expect/outcome: expected one of \"COMPLETED\", \"ROLLED_BACK\", "
        "\"FAILED\", \"STUCK\", \"STEADY_STATE\", found nothing (it is required)");
  CHECK(load_error(with_expect(R"({"outcome": "ROLLBACK"})")) ==
        "test.json:2:25: at /expect/outcome: expected one of \"COMPLETED\", \"ROLLED_BACK\", "
        "\"FAILED\", \"STUCK\", \"STEADY_STATE\", found \"ROLLBACK\"");
}

TEST_CASE("an unknown key in expect is rejected with a did-you-mean hint", "[scenario]") {
  CHECK(load_error(with_expect(R"({"outcome": "COMPLETED", "failedTask": 0})")) ==
        "test.json:2:38: at /expect/failedTask: expected a known key (did you mean "
        "\"failedTasks\"?), found unknown key \"failedTask\"");
  CHECK(load_error(with_expect(R"({"outcome": "COMPLETED", "oomKills": {"maximum": 0}})")) ==
        "test.json:2:51: at /expect/oomKills/maximum: expected one of the keys \"min\", \"max\", "
        "found unknown key \"maximum\"");
}

TEST_CASE("a bound needs min or max, in order, in the metric's unit", "[scenario]") {
  CHECK(load_error(with_expect(R"({"outcome": "COMPLETED", "oomKills": {}})")) ==
        "test.json:2:50: at /expect/oomKills: expected an object with \"min\", \"max\" or both, "
        "found {}");
  CHECK(load_error(with_expect(
            R"({"outcome": "COMPLETED", "timeToOutcomeSeconds": {"min": 60, "max": 30}})")) ==
        "test.json:2:81: at /expect/timeToOutcomeSeconds/max: expected a value >= \"min\" (60), "
        "found 30");
  CHECK(load_error(with_expect(R"({"outcome": "COMPLETED", "failedTasks": 1.5})")) ==
        "test.json:2:53: at /expect/failedTasks: expected an integer 0-1000000000, found 1.5");
  CHECK(load_error(with_expect(R"({"outcome": "COMPLETED", "zeroHealthySeconds": {"max": -1}})")) ==
        "test.json:2:68: at /expect/zeroHealthySeconds/max: expected a number of seconds "
        "0-1000000000, found -1");
}

}  // namespace harness::scenario
