// "faults" and the platform's "availabilityZones" (harness/scenario/fault_reader.cc,
// platform_reader.cc; ecs-rules §12.6): az_lost names a zone the platform lists.
#include <catch2/catch.hpp>

#include <string>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A one-revision steady-state service; `platform` and `faults` are spliced in as they are.
std::string with_zones(const std::string& platform, const std::string& faults) {
  return R"({
  "service": {"serviceName": "web", "desiredCount": 3},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "apps": {"web:1": {}},
  "deploy": "none",
  "platform": )" + platform + R"(,
  "faults": )" + faults + "\n}";
}

}  // namespace

TEST_CASE("az_lost names a zone of platform.availabilityZones, with an optional duration", "[scenario]") {
  const Loaded loaded = load_scenario_text(
      with_zones(R"({"availabilityZones": ["us-east-1a", "us-east-1b"]})",
                 R"([{"atSeconds": 60, "kind": "az_lost", "target": "us-east-1b", "durationSeconds": 300},
                     {"atSeconds": 900, "kind": "az_lost", "target": "us-east-1a"}])"),
      "t.json");
  const sim::model::Scenario& s = loaded.scenario;
  CHECK(s.service.availability_zones == std::vector<std::string>{"us-east-1a", "us-east-1b"});
  REQUIRE(s.faults.size() == 2);
  CHECK(s.faults[0].kind == sim::model::FaultKind::az_lost);
  CHECK(s.faults[0].availability_zone == 1);
  CHECK(s.faults[0].at == sim::seconds(60));
  CHECK(s.faults[0].duration == sim::seconds(300));
  CHECK(s.faults[1].availability_zone == 0);
  CHECK(s.faults[1].duration == sim::seconds(0));
}

TEST_CASE("bad Availability Zone input names the file, line:column and what was expected", "[scenario]") {
  // An unknown zone: the error is at the target and lists the zones.
  CHECK(load_error(with_zones(R"({"availabilityZones": ["us-east-1a"]})",
                              R"([{"atSeconds": 60, "kind": "az_lost", "target": "us-east-1c"}])")) ==
        "test.json:7:61: at /faults/0/target: expected one of the Availability Zones in "
        "platform.availabilityZones \"us-east-1a\" (did you mean \"us-east-1a\"?), found \"us-east-1c\"");
  // No zones listed at all.
  CHECK(load_error(with_zones(R"({})", R"([{"atSeconds": 60, "kind": "az_lost", "target": "us-east-1a"}])")) ==
        "test.json:7:61: at /faults/0/target: expected an Availability Zone listed in platform.availabilityZones "
        "(the scenario lists none), found \"us-east-1a\"");
  // A zone listed twice: the error is at the second one.
  CHECK(load_error(with_zones(R"({"availabilityZones": ["us-east-1a", "us-east-1a"]})", "[]")) ==
        "test.json:6:52: at /platform/availabilityZones/1: expected an Availability Zone not named before "
        "(\"us-east-1a\" is listed twice), found \"us-east-1a\"");
  CHECK(load_error(with_zones(R"({"availabilityZones": []})", "[]")) ==
        "test.json:6:37: at /platform/availabilityZones: expected 1 to 6 Availability Zone names, such as "
        "[\"us-east-1a\", \"us-east-1b\"], found []");
  CHECK(load_error(with_zones(R"({"availabilityZones": "us-east-1a"})", "[]"))
            .find("at /platform/availabilityZones: expected ") != std::string::npos);
  CHECK(load_error(with_zones(R"({"availabilityZones": ["us-east-1a"]})",
                              R"([{"atSeconds": 60, "kind": "az_lost", "target": "us-east-1a", "count": 2}])"))
            .find("/faults/0") != std::string::npos);
}

}  // namespace harness::scenario
