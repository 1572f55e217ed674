// CloudFormation's intrinsic functions, resolved as far as a template alone allows (AWS
// CloudFormation User Guide, "Intrinsic function reference"):
//   - Ref of a parameter: `--parameter K=V`, else its Default (a Number parameter becomes a
//     number); of a resource: its name property when the type has one (ClusterName, Family,
//     Name, AlarmName, ServiceName), else the logical id;
//   - Fn::GetAtt: a resource's name attribute as above; other attributes (an ARN, a DNS name)
//     exist only once deployed and stay as "${Id.Attribute}";
//   - Fn::Sub (both forms), Fn::Join, Fn::Select;
//   - pseudo parameters (AWS::Region, AWS::AccountId ...) stay as "${AWS::Region}" unless given
//     as `--parameter AWS::Region=eu-west-1`.
// What stays unresolved is noted with its file:line:column. Any other function (Fn::If,
// Fn::FindInMap, Fn::ImportValue ...) is not evaluated: it becomes the text
// "<Fn::If not resolved>" and a note, so a field the simulation needs fails to load there, at
// that position. References that go round in a circle are an error, as CloudFormation says
// "Circular dependency between resources".
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/readers/source_text.h"

namespace harness::readers {

class IntrinsicResolver {
 public:
  // Checks the template's references for circles (throws ScenarioError at the reference that
  // closes one).
  IntrinsicResolver(const SourceText& source, const std::map<std::string, std::string>& parameters,
                    std::vector<std::string>& notes);

  // `value` (found at `pointer` of the template) with every intrinsic resolved or noted.
  nlohmann::json resolve(const nlohmann::json& value, const std::string& pointer);

  // The logical id of the resource `value` refers to ({"Ref": Id}, {"Fn::GetAtt": [Id, ...]}),
  // if it is one of the template's resources.
  std::optional<std::string> referenced_resource(const nlohmann::json& value) const;

 private:
  nlohmann::json resolve_function(const std::string& function, const nlohmann::json& argument,
                                  const std::string& pointer);
  nlohmann::json ref(const std::string& name, const std::string& pointer);
  std::string get_att(const std::string& id, const std::string& attribute, const std::string& pointer);
  std::string sub(const std::string& text, const nlohmann::json& variables, const std::string& pointer);
  std::string as_text(const nlohmann::json& value) const;
  std::string resource_name(const std::string& id);
  void unresolved(const std::string& pointer, const std::string& what);
  void check_circles() const;

  const SourceText& source_;
  const nlohmann::json& resources_;
  std::map<std::string, nlohmann::json> parameter_values_;
  std::vector<std::string>& notes_;
  std::set<std::string> noted_;
};

}  // namespace harness::readers
