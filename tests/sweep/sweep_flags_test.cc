// Sweeps from the command line: --axis texts into the axis objects a sweep file would hold.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_error.h"
#include "harness/sweep/sweep_flags.h"

using harness::sweep::axis_from_flag;

TEST_CASE("an --axis flag takes a name, a pointer and a list of numbers or booleans") {
  // Given "grace=/service/healthCheckGracePeriodSeconds:0,60,120", then the axis is named grace
  // with those three values; without "NAME=" it has no name (the reader takes the last token).
  CHECK(axis_from_flag("grace=/service/healthCheckGracePeriodSeconds:0,60,120") ==
        nlohmann::json::parse(R"({"name": "grace", "pointer": "/service/healthCheckGracePeriodSeconds",
                                  "values": [0, 60, 120]})"));
  CHECK(axis_from_flag("/service/deploymentConfiguration/deploymentCircuitBreaker/enable:true,false") ==
        nlohmann::json::parse(R"({"pointer": "/service/deploymentConfiguration/deploymentCircuitBreaker/enable",
                                  "values": [true, false]})"));
  // A value that is no JSON stays text, for the reader to reject in its own words.
  CHECK(axis_from_flag("/service/desiredCount:2,two")["values"] == nlohmann::json::parse(R"([2, "two"])"));
}

TEST_CASE("an --axis flag takes a range FROM..TO with an optional /STEP") {
  CHECK(axis_from_flag("r=/taskDefinitions/1/containerDefinitions/0/healthCheck/retries:1..5/2")["range"] ==
        nlohmann::json::parse(R"({"from": 1, "to": 5, "step": 2})"));
  CHECK(axis_from_flag("/service/desiredCount:1..3")["range"] == nlohmann::json::parse(R"({"from": 1, "to": 3, "step": 1})"));
  CHECK(axis_from_flag("/service/healthCheckGracePeriodSeconds:0.5..1.5/0.5")["range"]["step"] == 0.5);
}

TEST_CASE("an --axis flag's pointer may hold colons: the values start after the last one") {
  // Given a pointer into "apps", keyed by image name and tag, then the pointer keeps its colon.
  CHECK(axis_from_flag("start=/apps/alia-bot:cc44307/phases/0/seconds:8,16")["pointer"] ==
        "/apps/alia-bot:cc44307/phases/0/seconds");
}

TEST_CASE("a malformed --axis names the flag and the shape it should have") {
  using harness::scenario::ScenarioError;
  CHECK_THROWS_WITH(axis_from_flag("grace"),
                    "sweep: --axis \"grace\": expected [NAME=]POINTER:v1,v2,... or [NAME=]POINTER:FROM..TO[/STEP], "
                    "found no pointer");
  CHECK_THROWS_WITH(axis_from_flag("grace=/service/healthCheckGracePeriodSeconds"),
                    "sweep: --axis \"grace=/service/healthCheckGracePeriodSeconds\": expected [NAME=]POINTER:v1,v2,... or "
                    "[NAME=]POINTER:FROM..TO[/STEP], found no values");
  CHECK_THROWS_AS(axis_from_flag("=x:1"), ScenarioError);
}
