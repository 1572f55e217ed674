#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

// The fixture with a Postgres that is ready `ready_after` (a number or [min, max]) after the
// run starts, and a second phase of the deployed app that connects to it with `policy`. The
// deploy's first task reaches that phase 10.100 s in at the earliest: provisioning 2 s and pull
// 5 s at 0.8, then "load config" 5 s at 0.9.
nlohmann::json with_postgres(const nlohmann::json& ready_after, const std::string& policy) {
  nlohmann::json scenario = clean_scenario();
  scenario["dependencies"] = {{{"name", "postgres"}, {"readyAfterSeconds", ready_after}}};
  const nlohmann::json phase = {{"name", "connect Postgres"},
                                {"seconds", 1},
                                {"connectsTo", {"postgres"}},
                                {"onUnavailable", policy},
                                {"exitCode", 1}};
  nlohmann::json& phases = deployed_app(scenario)["phases"];
  phases.insert(phases.begin() + 1, phase);
  return scenario;
}

nlohmann::json& connect_phase(nlohmann::json& scenario) {
  return deployed_app(scenario)["phases"][1];
}

TEST_CASE("dependency-wait-too-short flags a 30 s wait for a Postgres ready after up to 60 s",
          "[lint]") {
  // Given seed 003's race (readyAfterSeconds [20, 60], waitTimeoutSeconds 30), then a warning
  // points at the phase's wait: 10.100 s + 30 s ends before 60 s.
  nlohmann::json scenario = with_postgres({20, 60}, "wait");
  connect_phase(scenario)["waitTimeoutSeconds"] = 30;
  const Finding found = single_finding(scenario, "dependency-wait-too-short");
  CHECK(headline(found) ==
        "warning dependency-wait-too-short at /apps/web:2/phases/1/waitTimeoutSeconds");
  CHECK(found.message ==
        "phase \"connect Postgres\" of web:2 waits up to 30 s for postgres, from 10.100 s after "
        "the deploy starts at the earliest; postgres may not be up until 60 s: an early task "
        "gives up and exits 1, a failed task toward the circuit breaker");
  CHECK_THAT(found.why, Catch::StartsWith("seed 003:"));
}

TEST_CASE("dependency-wait-too-short stays silent when the wait outlasts the readiness", "[lint]") {
  // Given the seed's fix, a 60 s wait, then the wait ends after Postgres is up at the latest.
  nlohmann::json scenario = with_postgres({20, 60}, "wait");
  connect_phase(scenario)["waitTimeoutSeconds"] = 60;
  CHECK(lint_rule(scenario, "dependency-wait-too-short").empty());
  CHECK(lint_rule(clean_scenario(), "dependency-wait-too-short").empty());
}

TEST_CASE("dependency-wait-too-short counts an outage at the deploy's start as not ready",
          "[lint]") {
  // Given a Postgres ready at once but down for the first 45 s, then a 30 s wait is too short.
  nlohmann::json scenario = with_postgres(0, "wait");
  scenario["dependencies"][0]["outages"] = {{{"fromSeconds", 0}, {"toSeconds", 45}}};
  connect_phase(scenario)["waitTimeoutSeconds"] = 30;
  CHECK_THAT(single_finding(scenario, "dependency-wait-too-short").message,
             Catch::Contains("postgres may not be up until 45 s"));
}

TEST_CASE("exits-on-unavailable-dependency flags a crash on connect to a dependency still down",
          "[lint]") {
  // Given seed 004's Kafka, which exits when ZooKeeper refuses it, and a dependency down for the
  // first 45 s, then an error points at the phase's onUnavailable.
  nlohmann::json scenario = with_postgres(0, "exit");
  scenario["dependencies"][0]["outages"] = {{{"fromSeconds", 0}, {"toSeconds", 45}}};
  const Finding found = single_finding(scenario, "exits-on-unavailable-dependency");
  CHECK(headline(found) ==
        "error exits-on-unavailable-dependency at /apps/web:2/phases/1/onUnavailable");
  CHECK(found.message ==
        "phase \"connect Postgres\" of web:2 exits 1 at once when postgres is down, from 10.100 s "
        "after the deploy starts at the earliest; postgres may not be up until 45 s: every task "
        "that gets there sooner crashes, a failed task toward the circuit breaker");
  CHECK_THAT(found.why, Catch::StartsWith("seed 004:"));
}

TEST_CASE("exits-on-unavailable-dependency says when a dependency is never reachable", "[lint]") {
  nlohmann::json scenario = with_postgres(0, "exit");
  scenario["dependencies"][0]["reachable"] = false;
  CHECK_THAT(single_finding(scenario, "exits-on-unavailable-dependency").message,
             Catch::Contains("postgres is never reachable (reachable false)"));
}

TEST_CASE("exits-on-unavailable-dependency stays silent when the dependency is up in time",
          "[lint]") {
  // Given a Postgres ready within 10 s (before the phase can start), or the app waiting for it
  // instead of exiting, then nothing is reported.
  CHECK(lint_rule(with_postgres({0, 10}, "exit"), "exits-on-unavailable-dependency").empty());
  nlohmann::json waits = with_postgres({0, 45}, "wait");
  connect_phase(waits)["waitTimeoutSeconds"] = 120;
  CHECK(lint_rule(waits, "exits-on-unavailable-dependency").empty());
  CHECK(lint_rule(waits, "dependency-wait-too-short").empty());
}

}  // namespace
}  // namespace harness::lint
