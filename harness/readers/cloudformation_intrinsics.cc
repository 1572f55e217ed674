#include "harness/readers/cloudformation_intrinsics.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <regex>

#include "harness/scenario/position_index.h"

namespace harness::readers {
namespace {

using nlohmann::json;

const json& object_or_empty(const json& root, const char* key) {
  static const json empty = json::object();
  return root.is_object() && root.contains(key) && root[key].is_object() ? root[key] : empty;
}

// The property that names a resource of each type deploysim reads (Ref and the name attributes).
std::string name_property(const std::string& type) {
  if (type == "AWS::ECS::Cluster") return "ClusterName";
  if (type == "AWS::ECS::Service") return "ServiceName";
  if (type == "AWS::ECS::TaskDefinition") return "Family";
  if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") return "Name";
  if (type == "AWS::CloudWatch::Alarm") return "AlarmName";
  return "";
}

// Names inside a Fn::Sub string: "${Name}" or "${Resource.Attribute}"; "${!Literal}" is text.
const std::regex& sub_variable() {
  static const std::regex pattern("\\$\\{([^!}][^}]*)\\}");
  return pattern;
}

struct Reference {
  std::string to;
  std::string pointer;
};

// Every resource `value` refers to, with the pointer of the reference.
void collect_references(const json& value, const std::string& pointer, std::vector<Reference>& out) {
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      collect_references(value[i], pointer + "/" + std::to_string(i), out);
    return;
  }
  if (!value.is_object()) return;
  if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string())
    out.push_back({value["Ref"].get<std::string>(), pointer});
  if (value.size() == 1 && value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
      !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string())
    out.push_back({value["Fn::GetAtt"][0].get<std::string>(), pointer});
  if (value.size() == 1 && value.contains("Fn::Sub")) {
    const json& argument = value["Fn::Sub"];
    const json& text = argument.is_array() && !argument.empty() ? argument[0] : argument;
    if (text.is_string()) {
      const std::string s = text.get<std::string>();
      for (std::sregex_iterator it(s.begin(), s.end(), sub_variable()), end; it != end; ++it)
        out.push_back({(*it)[1].str().substr(0, (*it)[1].str().find('.')), pointer});
    }
  }
  for (const auto& [key, member] : value.items())
    collect_references(member, pointer + "/" + scenario::pointer_token(key), out);
}

}  // namespace

IntrinsicResolver::IntrinsicResolver(const SourceText& source, const std::map<std::string, std::string>& parameters,
                                     std::vector<std::string>& notes)
    : source_(source), resources_(object_or_empty(source.root(), "Resources")), notes_(notes) {
  for (const auto& [name, declaration] : object_or_empty(source.root(), "Parameters").items()) {
    json value;
    if (const auto given = parameters.find(name); given != parameters.end()) value = given->second;
    else if (declaration.is_object() && declaration.contains("Default")) value = declaration["Default"];
    else continue;
    const bool number = declaration.is_object() && declaration.value("Type", "") == "Number";
    if (number && value.is_string()) {
      const std::string text = value.get<std::string>();
      char* end = nullptr;
      const double parsed = std::strtod(text.c_str(), &end);
      if (end && *end == '\0' && !text.empty())
        value = parsed == static_cast<double>(static_cast<long long>(parsed)) ? json(static_cast<long long>(parsed))
                                                                               : json(parsed);
    }
    parameter_values_[name] = value;
  }
  // Pseudo parameters have no declaration; `--parameter AWS::Region=eu-west-1` gives one.
  for (const auto& [name, value] : parameters)
    if (name.rfind("AWS::", 0) == 0) parameter_values_[name] = value;
  check_circles();
}

void IntrinsicResolver::check_circles() const {
  std::map<std::string, std::vector<Reference>> edges;
  for (const auto& [id, resource] : resources_.items()) {
    const std::string base = "/Resources/" + scenario::pointer_token(id);
    std::vector<Reference>& out = edges[id];
    if (!resource.is_object()) continue;
    if (resource.is_object() && resource.contains("Properties"))
      collect_references(resource["Properties"], base + "/Properties", out);
    if (resource.is_object() && resource.contains("DependsOn")) {
      const json& d = resource["DependsOn"];
      const json list = d.is_array() ? d : json::array({d});
      for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].is_string()) out.push_back({list[i].get<std::string>(), base + "/DependsOn"});
    }
  }
  // Depth-first search; a reference to a resource still on the path closes a circle.
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    state[id] = 1;
    path.push_back(id);
    for (const Reference& r : edges[id]) {
      if (!resources_.contains(r.to)) continue;
      if (state[r.to] == 1) {
        std::string circle;
        for (auto it = std::find(path.begin(), path.end(), r.to); it != path.end(); ++it) circle += *it + " -> ";
        source_.fail(r.pointer, "/Resources/" + id, "resources that do not refer to each other in a circle",
                     "a circular reference " + circle + r.to);
      }
      if (state[r.to] == 0) visit(r.to);
    }
    path.pop_back();
    state[id] = 2;
  };
  for (const auto& [id, resource] : resources_.items())
    if (state[id] == 0) visit(id);
}

std::optional<std::string> IntrinsicResolver::referenced_resource(const json& value) const {
  std::string id;
  if (value.is_object() && value.size() == 1 && value.contains("Ref") && value["Ref"].is_string())
    id = value["Ref"].get<std::string>();
  else if (value.is_object() && value.size() == 1 && value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
           !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string())
    id = value["Fn::GetAtt"][0].get<std::string>();
  if (id.empty() || !resources_.contains(id) || !resources_[id].is_object()) return std::nullopt;
  return id;
}

void IntrinsicResolver::unresolved(const std::string& pointer, const std::string& what) {
  const scenario::TextPosition at = source_.position(pointer);
  const std::string note = source_.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                           ": " + what;
  if (noted_.insert(note).second) notes_.push_back(note);
}

json IntrinsicResolver::resolve(const json& value, const std::string& pointer) {
  if (value.is_array()) {
    json out = json::array();
    for (std::size_t i = 0; i < value.size(); ++i) out.push_back(resolve(value[i], pointer + "/" + std::to_string(i)));
    return out;
  }
  if (!value.is_object()) return value;
  if (value.size() == 1) {
    const std::string key = value.begin().key();
    if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0)
      return resolve_function(key, value.begin().value(), pointer + "/" + scenario::pointer_token(key));
  }
  json out = json::object();
  for (const auto& [key, member] : value.items()) out[key] = resolve(member, pointer + "/" + scenario::pointer_token(key));
  return out;
}

json IntrinsicResolver::resolve_function(const std::string& function, const json& argument, const std::string& pointer) {
  if (function == "Ref" && argument.is_string()) return ref(argument.get<std::string>(), pointer);
  if (function == "Fn::GetAtt" && argument.is_array() && argument.size() == 2 && argument[0].is_string() &&
      argument[1].is_string())
    return get_att(argument[0].get<std::string>(), argument[1].get<std::string>(), pointer);
  if (function == "Fn::Sub" && argument.is_string()) return sub(argument.get<std::string>(), json::object(), pointer);
  if (function == "Fn::Sub" && argument.is_array() && argument.size() == 2 && argument[0].is_string())
    return sub(argument[0].get<std::string>(), resolve(argument[1], pointer + "/1"), pointer);
  if (function == "Fn::Join" && argument.is_array() && argument.size() == 2 && argument[0].is_string()) {
    const json parts = resolve(argument[1], pointer + "/1");
    std::string joined;
    if (parts.is_array())
      for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? argument[0].get<std::string>() : "") + as_text(parts[i]);
    return joined;
  }
  if (function == "Fn::Select" && argument.is_array() && argument.size() == 2) {
    const json index = resolve(argument[0], pointer + "/0");
    const json list = resolve(argument[1], pointer + "/1");
    const long long i = index.is_number_integer() ? index.get<long long>()
                        : index.is_string()       ? std::atoll(index.get<std::string>().c_str())
                                                  : -1;
    if (list.is_array() && i >= 0 && static_cast<std::size_t>(i) < list.size()) return list[static_cast<std::size_t>(i)];
  }
  const std::string text = "<" + function + " not resolved>";
  unresolved(pointer, function + " is not resolved (deploysim resolves Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select)");
  return text;
}

json IntrinsicResolver::ref(const std::string& name, const std::string& pointer) {
  if (const auto it = parameter_values_.find(name); it != parameter_values_.end()) return it->second;
  if (resources_.contains(name)) return resource_name(name);
  if (name.rfind("AWS::", 0) == 0) {
    // Once per pseudo parameter, where it is first met: templates use them everywhere.
    if (noted_.insert(name).second)
      unresolved(pointer, "pseudo parameter " + name + " stays \"${" + name + "}\" here and wherever else it is used (--parameter " + name + "=VALUE sets it)");
    return "${" + name + "}";
  }
  const bool parameter = object_or_empty(source_.root(), "Parameters").contains(name);
  unresolved(pointer, parameter ? "parameter " + name + " has no Default and no --parameter " + name + "=VALUE"
                                : "Ref " + name + " names no parameter or resource of the template");
  return "${" + name + "}";
}

std::string IntrinsicResolver::resource_name(const std::string& id) {
  const json& resource = resources_[id];
  if (!resource.is_object()) return id;
  const std::string property = name_property(resource.value("Type", ""));
  const std::string base = "/Resources/" + scenario::pointer_token(id) + "/Properties";
  if (!property.empty() && resource.contains("Properties") && resource["Properties"].contains(property))
    return as_text(resolve(resource["Properties"][property], base + "/" + property));
  return id;
}

std::string IntrinsicResolver::get_att(const std::string& id, const std::string& attribute, const std::string& pointer) {
  if (resources_.contains(id) && (attribute == "Name" || attribute == "TargetGroupName" ||
                                  attribute == "ServiceName" || attribute == "ClusterName"))
    return resource_name(id);
  if (!resources_.contains(id)) unresolved(pointer, "Fn::GetAtt names " + id + ", no resource of the template");
  return "${" + id + "." + attribute + "}";
}

std::string IntrinsicResolver::sub(const std::string& text, const json& variables, const std::string& pointer) {
  std::string out;
  std::size_t last = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), sub_variable()), end; it != end; ++it) {
    out += text.substr(last, static_cast<std::size_t>(it->position()) - last);
    const std::string name = (*it)[1].str();
    const auto dot = name.find('.');
    if (variables.is_object() && variables.contains(name)) out += as_text(variables[name]);
    else if (dot != std::string::npos) out += get_att(name.substr(0, dot), name.substr(dot + 1), pointer);
    else out += as_text(ref(name, pointer));
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  out += text.substr(last);
  // "${!Literal}" writes "${Literal}".
  return std::regex_replace(out, std::regex("\\$\\{!"), "${");
}

std::string IntrinsicResolver::as_text(const json& value) const {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return value.dump();
}

}  // namespace harness::readers
