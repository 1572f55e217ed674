#include "harness/readers/scenario_builder.h"

#include <catch2/catch.hpp>

using harness::readers::build_scenario;
using harness::readers::ConfigSections;
using nlohmann::json;

namespace {

ConfigSections sections(const std::string& image, int revision) {
  ConfigSections s;
  s.format = "CloudFormation template";
  s.file = image + ".yaml";
  s.service = {{"serviceName", "web"}, {"desiredCount", 1}};
  s.deployed_task_definition = {{"family", "web"}, {"revision", revision},
                                {"containerDefinitions", {{{"name", "web"}, {"image", image}}}}};
  return s;
}

}  // namespace

TEST_CASE("one source that knows one revision is a forced new deployment, said in the story") {
  std::vector<ConfigSections> sources;
  sources.push_back(sections("web:1", 7));
  const auto built = build_scenario(std::move(sources), nullptr);
  CHECK(built.scenario["taskDefinitions"].size() == 1);
  CHECK(built.scenario["initialTaskDefinition"] == "web:7");
  CHECK(built.scenario["deploy"]["taskDefinition"] == "web:7");
  CHECK(built.scenario["story"].get<std::string>().find("forced new deployment of web:7") != std::string::npos);
}

TEST_CASE("BASE HEAD: the base's revision runs and the head's is deployed as the next revision") {
  std::vector<ConfigSections> sources;
  sources.push_back(sections("web:1", 26));
  sources.push_back(sections("web:2", 26));
  const auto built = build_scenario(std::move(sources), nullptr);
  REQUIRE(built.scenario["taskDefinitions"].size() == 2);
  CHECK(built.scenario["initialTaskDefinition"] == "web:26");
  CHECK(built.scenario["deploy"]["taskDefinition"] == "web:27");
  CHECK(built.scenario["taskDefinitions"][1]["containerDefinitions"][0]["image"] == "web:2");
}

TEST_CASE("our own sections from --with replace the derived ones") {
  std::vector<ConfigSections> sources;
  sources.push_back(sections("web:1", 1));
  const json ours = {{"apps", {{"web:1", {{"port", 7000}}}}}, {"seed", 42}};
  const auto built = build_scenario(std::move(sources), ours);
  CHECK(built.scenario["apps"] == ours["apps"]);
  CHECK(built.scenario["seed"] == 42);
}

TEST_CASE("alarms on metrics deploysim does not simulate leave the service's list, and traffic comes with the rest") {
  std::vector<ConfigSections> sources;
  ConfigSections s = sections("web:1", 1);
  s.service["deploymentConfiguration"] = {{"alarms", {{"alarmNames", {"cpu", "5xx"}}, {"enable", true}, {"rollback", true}}}};
  s.alarms = json::array({{{"AlarmName", "cpu"}, {"MetricName", "CPUUtilization"}},
                          {{"AlarmName", "5xx"}, {"MetricName", "HTTPCode_Target_5XX_Count"}}});
  sources.push_back(s);
  const auto built = build_scenario(std::move(sources), nullptr);
  CHECK(built.scenario["service"]["deploymentConfiguration"]["alarms"]["alarmNames"] == json({"5xx"}));
  CHECK(built.scenario["alarms"].size() == 1);
  CHECK(built.scenario["traffic"]["requestsPerSecond"] == 10);
}

TEST_CASE("init's --run-image marks the image's app to run as it is in real mode, and the story says what that needs") {
  std::vector<ConfigSections> sources;
  sources.push_back(sections("web:1", 1));
  const auto built = build_scenario(std::move(sources), nullptr, {"web:1"});
  CHECK(built.scenario["apps"]["web:1"]["runImage"] == true);
  CHECK(built.scenario["apps"]["web:1"].contains("phases"));  // the derived profile stays: the simulator plays it
  CHECK(built.scenario["story"].get<std::string>().find("real mode runs web:1 as it is (--run-image)") != std::string::npos);
}

TEST_CASE("init's --run-image of an image no app profiles is an error naming the images there are") {
  std::vector<ConfigSections> sources;
  sources.push_back(sections("web:1", 1));
  try {
    build_scenario(std::move(sources), nullptr, {"web:2"});
    FAIL("no error");
  } catch (const harness::scenario::ScenarioError& e) {
    CHECK(e.file == "web:1.yaml");
    CHECK(e.expected == "--run-image naming an image with an app profile (web:1)");
    CHECK(e.found == "\"web:2\"");
  }
}
