#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("memory-below-peak flags a 128 MiB container under an app peaking at 253 MiB", "[lint]") {
  // Given seed 000's numbers, when the deployed container's hard limit is 128 MiB, then one error
  // points at that limit and says when the kernel kills it.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["memory"] = 128;
  const Finding found = single_finding(scenario, "memory-below-peak");
  CHECK(headline(found) ==
        "error memory-below-peak at /taskDefinitions/1/containerDefinitions/0/memory");
  CHECK(found.message ==
        "128 MiB is below the app's peak of 253 MiB: container \"app\" (web:2) reaches 128 MiB "
        "7.321 s after start and is OOM-killed (exit 137)");
  CHECK_THAT(found.why, Catch::StartsWith("seed 000: OOM kills at 128 MB"));
}

TEST_CASE("memory-below-peak stays silent when the limit covers the peak", "[lint]") {
  // Given 512 MiB for a 253 MiB peak (seed 000's fix), then nothing is reported.
  CHECK(lint_rule(clean_scenario(), "memory-below-peak").empty());
}

TEST_CASE("memory-below-peak uses the task's memory when the container sets none", "[lint]") {
  // Given no container memory and a 128 MiB task, then the finding points at the task's memory.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario).erase("memory");
  scenario["taskDefinitions"][1]["memory"] = "128";
  const Finding found = single_finding(scenario, "memory-below-peak");
  CHECK(found.pointer == "/taskDefinitions/1/memory");
  CHECK_THAT(found.message,
             Catch::StartsWith("128 MiB (task memory; container \"app\" sets none) is below"));
}

TEST_CASE("memory-below-peak checks several containers' sum against the task memory they share",
          "[lint]") {
  // Given two containers of the 253 MiB app without memory of their own in a 400 MiB task, then
  // neither alone is flagged but together they are, at the task's memory (ecs-rules §8).
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario).erase("memory");
  scenario["taskDefinitions"][1]["memory"] = "400";
  nlohmann::json sidecar = deployed_container(scenario);
  sidecar["name"] = "sidecar";
  scenario["taskDefinitions"][1]["containerDefinitions"].push_back(sidecar);
  const Finding found = single_finding(scenario, "memory-below-peak");
  CHECK(found.pointer == "/taskDefinitions/1/memory");
  CHECK_THAT(found.message, Catch::StartsWith("400 MiB of task memory is shared by its 2 containers, which "
                                              "together reach it"));
}

TEST_CASE("memory-below-peak counts the leak up to the horizon", "[lint]") {
  // Given 300 MiB and a 60 MiB/h leak after the 253 MiB plateau, when the run lasts an hour the
  // leak reaches the limit; when it lasts half an hour it does not.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["memory"] = 300;
  deployed_app(scenario)["leakMibPerHour"] = 60;
  CHECK_THAT(single_finding(scenario, "memory-below-peak").message,
             Catch::StartsWith("300 MiB is below the app's peak of 313 MiB"));
  scenario["horizonSeconds"] = 1800;
  CHECK(lint_rule(scenario, "memory-below-peak").empty());
}

}  // namespace
}  // namespace harness::lint
