#include "harness/readers/yaml_text.h"

#include <catch2/catch.hpp>

#include "harness/scenario/scenario_error.h"

using harness::readers::parse_yaml;
using harness::scenario::ScenarioError;
using nlohmann::json;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_yaml("t.yaml", text);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("short-form tags become CloudFormation's long form") {
  // Given a template with !Ref, !GetAtt (scalar form), !Sub and !Join, when parsed, then each is
  // the JSON a JSON template would hold.
  const auto tree = parse_yaml("t.yaml",
                               "A: !Ref Cluster\n"
                               "B: !GetAtt Role.Arn\n"
                               "C: !Sub 'web-${Env}'\n"
                               "D: !Join [':', [a, !Ref X]]\n");
  CHECK(tree.root["A"] == json{{"Ref", "Cluster"}});
  CHECK(tree.root["B"] == json{{"Fn::GetAtt", {"Role", "Arn"}}});
  CHECK(tree.root["C"] == json{{"Fn::Sub", "web-${Env}"}});
  CHECK(tree.root["D"] == json{{"Fn::Join", {":", {"a", {{"Ref", "X"}}}}}});
}

TEST_CASE("plain scalars resolve to numbers, booleans and null; quoted ones stay strings") {
  const auto tree = parse_yaml("t.yaml", "n: 512\nf: 2.5\nb: true\nz: ~\ns: '512'\nw: web\n");
  CHECK(tree.root["n"] == 512);
  CHECK(tree.root["f"] == 2.5);
  CHECK(tree.root["b"] == true);
  CHECK(tree.root["z"].is_null());
  CHECK(tree.root["s"] == "512");
  CHECK(tree.root["w"] == "web");
}

TEST_CASE("every value's line and column are kept by JSON pointer") {
  const auto tree = parse_yaml("t.yaml", "Resources:\n  Web:\n    Memory: 256\n  List:\n    - a\n    - b\n");
  CHECK(tree.positions.at("/Resources/Web/Memory").line == 3);
  CHECK(tree.positions.at("/Resources/Web/Memory").column == 13);
  CHECK(tree.positions.at("/Resources/List/1").line == 6);
  CHECK(tree.positions.at("/Resources/List/1").column == 7);
}

TEST_CASE("anchors, aliases, merge keys, unknown tags, duplicate keys and two documents are errors at their place") {
  CHECK(error_of("a: &x 1\nb: *x\n") ==
        "t.yaml:1:4: expected no YAML anchors (CloudFormation does not accept anchors and aliases), found anchor &x");
  CHECK(error_of("a: !Frobnicate 1\n") ==
        "t.yaml:1:4: expected a CloudFormation short-form tag (!Ref, !GetAtt, !Sub, !Join, ...), found tag !Frobnicate");
  CHECK(error_of("a: 1\na: 2\n") == "t.yaml:2:1: expected each key once in a mapping, found \"a\" again");
  CHECK(error_of("a: 1\n---\nb: 2\n") == "t.yaml:2:1: expected one YAML document, found a second document");
  CHECK(error_of("a: [1, 2\n") .find("t.yaml:2:1: expected valid YAML") == 0);
}
