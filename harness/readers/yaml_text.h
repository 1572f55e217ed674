// YAML as CloudFormation (and ecspresso's config) write it, read into the JSON tree the readers
// share, with the line:column where each value starts. libyaml (Debian's libyaml-dev) parses;
// this file decides what the tree holds:
//   - CloudFormation's short-form tags become their long form: `!Ref X` is {"Ref": "X"},
//     `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}, `!Sub ...` is {"Fn::Sub": ...}, and so on;
//   - plain scalars resolve as YAML 1.1 does for what templates use: null, true/false, integers,
//     decimals; quoted scalars stay strings;
//   - anchors and aliases, other tags, several documents and duplicate keys are errors at their
//     line:column (CloudFormation refuses anchors and aliases too).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/scenario/position_index.h"

namespace harness::readers {

struct YamlTree {
  nlohmann::json root;
  std::map<std::string, scenario::TextPosition> positions;  // by JSON pointer, "" the root
};

// Parses `text`; throws ScenarioError "<name>:<line>:<column>: expected ..., found ..." on
// broken YAML or anything listed above as an error.
YamlTree parse_yaml(const std::string& name, const std::string& text);

}  // namespace harness::readers
