#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

// The fixture on EC2 with `cluster_mib` for the service: two tasks of 1024 MiB, max 200.
nlohmann::json on_ec2(int cluster_mib) {
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["launchType"] = "EC2";
  scenario["platform"] = {{"clusterMemoryMiB", cluster_mib}};
  return scenario;
}

TEST_CASE("cluster-capacity flags a cluster without room for maximumPercent's extra tasks",
          "[lint]") {
  // Given incident 102's shape: 2 running tasks and 2 new ones of 1024 MiB need 4096 MiB, when
  // the cluster has 3072, then an error points at clusterMemoryMiB.
  const Finding found = single_finding(on_ec2(3072), "cluster-capacity");
  CHECK(headline(found) == "error cluster-capacity at /platform/clusterMemoryMiB");
  CHECK(found.message ==
        "clusterMemoryMiB 3072 is short: the deploy's first step runs 2 web:1 tasks of 1024 MiB "
        "next to the 2 web:2 tasks of 1024 MiB maximumPercent 200 lets ECS start: 4096 MiB; ECS "
        "cannot place the rest and the circuit breaker counts each as a failed task");
  CHECK_THAT(found.why, Catch::StartsWith("incident 102"));
}

TEST_CASE("cluster-capacity flags a new revision whose tasks alone do not fit", "[lint]") {
  // Given min 50 / max 100 (nothing extra) and a new revision of 2048 MiB, then two of them need
  // 4096 MiB of the 3072.
  nlohmann::json scenario = on_ec2(3072);
  scenario["service"]["deploymentConfiguration"]["minimumHealthyPercent"] = 50;
  scenario["service"]["deploymentConfiguration"]["maximumPercent"] = 100;
  scenario["taskDefinitions"][1]["memory"] = "2048";
  CHECK_THAT(single_finding(scenario, "cluster-capacity").message,
             Catch::Contains("the finished deploy runs 2 web:2 tasks of 2048 MiB: 4096 MiB"));
}

TEST_CASE("cluster-capacity stays silent with room for the deploy and on Fargate", "[lint]") {
  // Given 4096 MiB, exactly the first step, then nothing; Fargate places no task on the cluster.
  CHECK(lint_rule(on_ec2(4096), "cluster-capacity").empty());
  CHECK(lint_rule(clean_scenario(), "cluster-capacity").empty());
}

}  // namespace
}  // namespace harness::lint
