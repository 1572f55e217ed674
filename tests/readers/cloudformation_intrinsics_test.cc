#include "harness/readers/cloudformation_intrinsics.h"

#include <catch2/catch.hpp>

#include "harness/scenario/scenario_error.h"

using harness::readers::IntrinsicResolver;
using harness::readers::SourceText;
using nlohmann::json;

namespace {

const char* const kTemplate = R"({
  "Parameters": {
    "Env": {"Type": "String", "Default": "prod"},
    "Count": {"Type": "Number", "Default": "3"},
    "Secret": {"Type": "String"}
  },
  "Resources": {
    "Cluster": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterName": {"Fn::Sub": "${Env}-cluster"}}},
    "Group": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {"Name": "web"}}
  }
})";

json resolve(const std::string& value_json, std::map<std::string, std::string> parameters,
             std::vector<std::string>& notes) {
  const auto source = SourceText::json("t.json", kTemplate);
  IntrinsicResolver resolver(*source, parameters, notes);
  return resolver.resolve(json::parse(value_json), "/Resources/Cluster/Properties/X");
}

}  // namespace

TEST_CASE("Ref gives a parameter's default, a --parameter over it, and a Number parameter as a number") {
  std::vector<std::string> notes;
  CHECK(resolve(R"({"Ref": "Env"})", {}, notes) == "prod");
  CHECK(resolve(R"({"Ref": "Env"})", {{"Env", "staging"}}, notes) == "staging");
  CHECK(resolve(R"({"Ref": "Count"})", {}, notes) == 3);
  CHECK(notes.empty());
}

TEST_CASE("Ref and GetAtt of a resource give its name; Sub and Join build text from them") {
  std::vector<std::string> notes;
  CHECK(resolve(R"({"Ref": "Cluster"})", {}, notes) == "prod-cluster");
  CHECK(resolve(R"({"Fn::GetAtt": ["Group", "TargetGroupName"]})", {}, notes) == "web");
  CHECK(resolve(R"({"Fn::Join": ["/", ["a", {"Ref": "Env"}, {"Ref": "Group"}]]})", {}, notes) == "a/prod/web");
  CHECK(resolve(R"({"Fn::Sub": ["${A}-${Env}-${!Literal}", {"A": {"Ref": "Count"}}]})", {}, notes) ==
        "3-prod-${Literal}");
  CHECK(resolve(R"({"Fn::Select": [1, ["a", "b"]]})", {}, notes) == "b");
}

TEST_CASE("what cannot be resolved stays visible and is noted with its position") {
  // Given a parameter without a default, an attribute known only once deployed, a pseudo parameter
  // and Fn::If, when resolved, then each stays as text saying so; all but the attribute are noted.
  std::vector<std::string> notes;
  CHECK(resolve(R"({"Ref": "Secret"})", {}, notes) == "${Secret}");
  CHECK(resolve(R"({"Fn::GetAtt": ["Group", "LoadBalancerArns"]})", {}, notes) == "${Group.LoadBalancerArns}");
  CHECK(resolve(R"({"Ref": "AWS::Region"})", {}, notes) == "${AWS::Region}");
  CHECK(resolve(R"({"Ref": "AWS::Region"})", {{"AWS::Region", "eu-west-1"}}, notes) == "eu-west-1");
  CHECK(resolve(R"({"Fn::If": ["C", 1, 2]})", {}, notes) == "<Fn::If not resolved>");
  REQUIRE(notes.size() == 3);
  CHECK(notes[0] == "t.json:8:60: parameter Secret has no Default and no --parameter Secret=VALUE");
  CHECK(notes[1] == "t.json:8:60: pseudo parameter AWS::Region stays \"${AWS::Region}\" here and wherever else it is "
                    "used (--parameter AWS::Region=VALUE sets it)");
  CHECK(notes[2].find("Fn::If is not resolved") != std::string::npos);
}

TEST_CASE("references in a circle are an error at the reference that closes it") {
  const auto source = SourceText::json("c.json", R"({"Resources": {
  "A": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterName": {"Ref": "B"}}},
  "B": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterName": {"Fn::Sub": "${A}-b"}}}
}})");
  std::vector<std::string> notes;
  try {
    IntrinsicResolver resolver(*source, {}, notes);
    FAIL("no error");
  } catch (const harness::scenario::ScenarioError& e) {
    CHECK(std::string(e.what()) ==
          "c.json:3:68: at /Resources/B: expected resources that do not refer to each other in a circle, found a "
          "circular reference A -> B -> A");
  }
}
