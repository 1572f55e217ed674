#include "harness/scenario/scenario_loader.h"

#include <catch2/catch.hpp>

#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// The smallest scenario that loads: one service, two revisions, a profile per image.
constexpr const char* kMinimal = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]}
  ],
  "apps": {"web:1": {}, "web:2": {}}
})";

}  // namespace

TEST_CASE("the smallest scenario loads with the model's defaults", "[scenario]") {
  // Given no run settings, then the first definition runs and the second is deployed at 0.
  const Loaded loaded = load_scenario_text(kMinimal, "minimal.json");
  const sim::model::Scenario& scenario = loaded.scenario;
  CHECK(scenario.source == "minimal.json");
  CHECK(scenario.task_definitions.size() == 2);
  CHECK(scenario.task_definitions[1].arn_name() == "web:2");
  CHECK(scenario.initial_task_definition == 0);
  CHECK(scenario.deploy.to_task_definition == 1);
  CHECK(scenario.deploy.at == sim::seconds(0));
  CHECK(scenario.horizon == sim::hours(2));
  CHECK_FALSE(scenario.service.load_balancer.has_value());
  CHECK(loaded.ignored.empty());
}

TEST_CASE("truncated JSON is reported at the line and column where the input ends", "[scenario]") {
  // Given a file cut off after an opening bracket, then the error points past it.
  CHECK(load_error("{\n  \"service\": {\"serviceName\": \"web\"},\n  \"taskDefinitions\": [\n") ==
        "test.json:4:1: expected '[', '{', or a literal, found end of input");
  CHECK(load_error("{\"seed\": tru}") ==
        "test.json:1:13: expected valid JSON, found invalid literal");
}

TEST_CASE("a string where desiredCount's integer belongs names pointer, range and value",
          "[scenario]") {
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": "two"},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:2:53: at /service/desiredCount: expected an integer 0-5000, found \"two\"");
}

TEST_CASE("an unknown top-level key is rejected with a did-you-mean hint", "[scenario]") {
  const char* text = R"({
  "horizonSecond": 60,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:2:3: at /horizonSecond: expected a known key (did you "
        "mean \"horizonSeconds\"?), found unknown key \"horizonSecond\"");
}

TEST_CASE("a misspelt section is reported before the names it should have defined", "[scenario]") {
  // Given "dependecies" and a phase connecting to a dependency it defines, then the key is
  // blamed, not the connectsTo name.
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {"phases": [{"name": "boot", "connectsTo": ["redis"]}]}},
  "dependecies": [{"name": "redis"}]
})";
  CHECK(load_error(text) ==
        "test.json:6:3: at /dependecies: expected a known key (did you mean "
        "\"dependencies\"?), found unknown key \"dependecies\"");
}

TEST_CASE("an unknown task definition reference lists the known ones", "[scenario]") {
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]}
  ],
  "deploy": {"taskDefinition": "web:3"},
  "apps": {"web:1": {}, "web:2": {}}
})";
  CHECK(load_error(text) ==
        "test.json:7:32: at /deploy/taskDefinition: expected one of the task definitions "
        "\"web:1\", \"web:2\" (did you mean \"web:1\"?), found \"web:3\"");
}

TEST_CASE("a single task definition needs a deploy section saying what to deploy", "[scenario]") {
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:1:1: at /deploy: expected an object naming the task definition to deploy "
        "(only one task definition is given), found nothing (it is required)");
}

TEST_CASE("initialTaskDefinition and deploy resolve family:revision to indexes", "[scenario]") {
  const char* text = R"({
  "horizonSeconds": 600,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]}
  ],
  "initialTaskDefinition": "web:2",
  "deploy": {"taskDefinition": "web:3", "atSeconds": 12.5},
  "apps": {"web:1": {}, "web:2": {}}
})";
  const sim::model::Scenario scenario = load_scenario_text(text, "t.json").scenario;
  CHECK(scenario.initial_task_definition == 1);
  CHECK(scenario.deploy.to_task_definition == 2);
  CHECK(scenario.deploy.at == sim::Millis{12500});
  CHECK(scenario.horizon == sim::minutes(10));
}

TEST_CASE("a deploy after the horizon is out of range", "[scenario]") {
  const char* text = R"({
  "horizonSeconds": 60,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1", "atSeconds": 61},
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:5:54: at /deploy/atSeconds: expected a number of seconds 0-60, found 61");
}

TEST_CASE("run settings are read: free text, seed, rules, probe mode, stop at outcome",
          "[scenario]") {
  const char* text = R"({
  "name": "n", "description": "d", "story": "s", "source": "seeds/000",
  "seed": 18446744073709551615, "eventCap": 5000, "rules": "pre-2024",
  "probeMode": "per_probe", "stopAtOutcome": false,
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
  const sim::model::Scenario scenario = load_scenario_text(text, "t.json").scenario;
  CHECK(scenario.name == "n");
  CHECK(scenario.description == "d");
  CHECK(scenario.story == "s");
  CHECK(scenario.provenance == "seeds/000");
  CHECK(scenario.source == "t.json");
  CHECK_FALSE(scenario.expect.has_value());
  CHECK(scenario.seed == 18446744073709551615u);
  CHECK(scenario.event_cap == 5000u);
  CHECK(scenario.rule_set == "pre-2024");
  CHECK(scenario.probe_mode == sim::model::ProbeMode::per_probe);
  CHECK_FALSE(scenario.stop_at_outcome);
}

TEST_CASE("an unknown rule set lists the known ones", "[scenario]") {
  const char* text = R"({
  "rules": "2023",
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:2:12: at /rules: expected one of the rule sets "
        "\"current\", \"pre-2025-11\", \"pre-2024\", \"current+exit-before-healthy-not-counted\", "
        "\"pre-2025-11+exit-before-healthy-not-counted\", \"pre-2024+exit-before-healthy-not-counted\", "
        "found \"2023\"");
}

TEST_CASE("an unreadable secret must be one some container reads", "[scenario]") {
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1",
    "secrets": [{"name": "OPENAI_API_KEY", "valueFrom": "arn:aws:secretsmanager:x"}]}]}],
  "deploy": {"taskDefinition": "web:1"},
  "unreadableSecrets": ["OPENAI_API_KEY", "OPENAI_KEY"],
  "apps": {"web:1": {}}
})";
  CHECK(load_error(text) ==
        "test.json:6:43: at /unreadableSecrets/1: expected one of the secrets the containers "
        "read \"OPENAI_API_KEY\", found \"OPENAI_KEY\"");
}

TEST_CASE("dependencies and faults are read, and faults must target known dependencies",
          "[scenario]") {
  const char* good = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}},
  "dependencies": [{"name": "redis", "readyAfterSeconds": [20, 45.5],
                    "outages": [{"fromSeconds": 100, "toSeconds": 160}]}],
  "faults": [{"atSeconds": 30, "kind": "dependency_outage", "target": "redis", "durationSeconds": 90},
             {"atSeconds": 40, "kind": "stop_task", "target": "old"}]
})";
  const sim::model::Scenario scenario = load_scenario_text(good, "t.json").scenario;
  REQUIRE(scenario.dependencies.size() == 1);
  CHECK(scenario.dependencies[0].ready_after_min == sim::seconds(20));
  CHECK(scenario.dependencies[0].ready_after_max == sim::Millis{45500});
  CHECK(scenario.dependencies[0].outages[0].to == sim::seconds(160));
  REQUIRE(scenario.faults.size() == 2);
  CHECK(scenario.faults[0].duration == sim::seconds(90));
  CHECK(scenario.faults[1].kind == sim::model::FaultKind::stop_task);
  CHECK(scenario.faults[1].target == "old");

  std::string bad = good;
  bad.replace(bad.find("\"target\": \"redis\""), 17, "\"target\": \"rediss\"");
  CHECK(load_error(bad) ==
        "test.json:8:71: at /faults/0/target: expected one of the "
        "dependencies \"redis\" (did you mean \"redis\"?), found \"rediss\"");
}

TEST_CASE("an unreadable scenario file names the file and the reason", "[scenario]") {
  try {
    load_scenario_file("/nonexistent/scenario.json");
    FAIL("loaded");
  } catch (const ScenarioError& error) {
    CHECK(std::string(error.what()) ==
          "/nonexistent/scenario.json: expected a readable file, found No such file or directory");
  }
}

TEST_CASE("a top-level $schema key is for editors: text is skipped, anything else rejected",
          "[scenario]") {
  // Given the schema named the way editors follow it, then the file loads as without it.
  std::string text = kMinimal;
  text.insert(1, "\"$schema\": \"../scenario.schema.json\",");
  CHECK(load_scenario_text(text, "with-schema.json").ignored.empty());
  std::string wrong = kMinimal;
  wrong.insert(1, "\"$schema\": 3,");
  CHECK(load_error(wrong) == "test.json:1:13: at /$schema: expected a string, found 3");
}

TEST_CASE("secretValues give a secret's value by its valueFrom; an unknown valueFrom is refused",
          "[scenario]") {
  const char* text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1",
    "secrets": [{"name": "REDIS_URL", "valueFrom": "arn:aws:ssm:us-east-1:1:parameter/redis"}]}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}},
  "dependencies": [{"name": "redis", "urlVariable": "REDIS_URL", "schemes": ["redis", "rediss"]}],
  "secretValues": {"arn:aws:ssm:us-east-1:1:parameter/redis": "cache:6379"}
})";
  const sim::model::Scenario scenario = load_scenario_text(text, "t.json").scenario;
  CHECK(scenario.secret_values.at("arn:aws:ssm:us-east-1:1:parameter/redis") == "cache:6379");
  CHECK(scenario.task_definitions[0].containers[0].secret_sources.at("REDIS_URL") ==
        "arn:aws:ssm:us-east-1:1:parameter/redis");
  CHECK(scenario.dependencies[0].url_variable == "REDIS_URL");
  CHECK(scenario.dependencies[0].schemes == std::vector<std::string>{"redis", "rediss"});
  std::string typo = text;
  typo.replace(typo.rfind("parameter/redis"), 15, "parameter/rediss");
  CHECK(load_error(typo) ==
        "test.json:8:20: at /secretValues/arn:aws:ssm:us-east-1:1:parameter~1rediss: expected the "
        "valueFrom of a secret some container reads (did you mean "
        "\"arn:aws:ssm:us-east-1:1:parameter/redis\"?), found unknown valueFrom "
        "\"arn:aws:ssm:us-east-1:1:parameter/rediss\"");
}

TEST_CASE("a top level that is not an object says so at line 1", "[scenario]") {
  CHECK(load_error("[1, 2]") == "test.json:1:1: expected an object, found [1,2]");
}

}  // namespace harness::scenario
