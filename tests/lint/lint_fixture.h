// Test helpers for the lint rules: a scenario that lints clean (the "fixed variant" every rule
// test starts from and breaks one field of) and a way to lint a JSON value as if it were a file.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "harness/lint/lint.h"
#include "harness/scenario/document.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::lint::testing {

// web:1 runs, web:2 is deployed: two tasks behind a target group asking /ready, a curl check on
// /live, 512 MiB for an app that peaks at 253 MiB, both variables it reads, a 60 s grace period
// for a start-up of at most 30 s (5 s + 20 s at 1.2x), the breaker on, min 100 / max 200.
inline nlohmann::json clean_scenario() {
  const nlohmann::json profile = nlohmann::json::parse(R"({
    "phases": [{"name": "load config", "seconds": 5, "reads": ["DB_URL", "API_KEY"]},
               {"name": "warm up", "seconds": 20}],
    "endpoints": {"/ready": {"kind": "ready"}, "/live": {"kind": "live"}},
    "memory": [{"atSeconds": 0, "mib": 100}, {"atSeconds": 40, "mib": 253}],
    "binaries": ["sh", "curl"],
    "startupJitter": [900, 1200]
  })");
  nlohmann::json container = nlohmann::json::parse(R"({
    "name": "app", "memory": 512, "portMappings": [{"containerPort": 8080}],
    "environment": [{"name": "DB_URL", "value": "postgres://db:5432/app"}],
    "secrets": [{"name": "API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:1:parameter/api"}],
    "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/live || exit 1"],
                    "interval": 10, "retries": 3, "startPeriod": 30}
  })");
  nlohmann::json scenario = nlohmann::json::parse(R"({
    "horizonSeconds": 3600,
    "service": {
      "serviceName": "web", "desiredCount": 2,
      "deploymentConfiguration": {"minimumHealthyPercent": 100, "maximumPercent": 200,
        "deploymentCircuitBreaker": {"enable": true, "rollback": true}},
      "healthCheckGracePeriodSeconds": 60,
      "loadBalancers": [{"containerName": "app", "containerPort": 8080}]
    },
    "targetGroup": {"HealthCheckPath": "/ready", "HealthCheckIntervalSeconds": 10}
  })");
  for (const char* image : {"web:1", "web:2"}) {
    container["image"] = image;
    scenario["taskDefinitions"].push_back(
        {{"family", "web"}, {"memory", "1024"}, {"containerDefinitions", {container}}});
    scenario["apps"][image] = profile;
  }
  return scenario;
}

// The deployed container of clean_scenario() (and its app profile), to break one field of.
inline nlohmann::json& deployed_container(nlohmann::json& scenario) {
  return scenario["taskDefinitions"][1]["containerDefinitions"][0];
}
inline nlohmann::json& deployed_app(nlohmann::json& scenario) { return scenario["apps"]["web:2"]; }

// Drops the load balancer and its target group from `scenario`.
inline void without_load_balancer(nlohmann::json& scenario) {
  scenario["service"].erase("loadBalancers");
  scenario.erase("targetGroup");
}

// Lints `scenario` as the file "test.json" holding it.
inline std::vector<Finding> lint_json(const nlohmann::json& scenario) {
  const std::string text = scenario.dump(2);
  const harness::scenario::Loaded loaded = harness::scenario::load_scenario_text(text, "test.json");
  const harness::scenario::Document document("test.json", text, "");
  return lint(loaded.scenario, SourceMap(document));
}

// The findings of one rule.
inline std::vector<Finding> by_rule(const std::vector<Finding>& findings, std::string_view rule) {
  std::vector<Finding> result;
  for (const Finding& finding : findings)
    if (finding.rule == rule) result.push_back(finding);
  return result;
}

inline std::vector<Finding> lint_rule(const nlohmann::json& scenario, std::string_view rule) {
  return by_rule(lint_json(scenario), rule);
}

// The one finding `rule` makes on `scenario`; the test stops unless there is exactly one.
inline Finding single_finding(const nlohmann::json& scenario, std::string_view rule) {
  const std::vector<Finding> found = lint_rule(scenario, rule);
  REQUIRE(found.size() == 1);
  return found.front();
}

// "error memory-below-peak at /taskDefinitions/1/...": a finding's severity, rule and place.
inline std::string headline(const Finding& finding) {
  return std::string(to_string(finding.severity)) + " " + finding.rule + " at " + finding.pointer;
}

}  // namespace harness::lint::testing
