#include "harness/readers/yaml_text.h"

#include <yaml.h>

#include <cstdlib>
#include <memory>
#include <regex>
#include <vector>

#include "harness/scenario/document.h"
#include "harness/scenario/scenario_error.h"

namespace harness::readers {
namespace {

using nlohmann::json;
using scenario::TextPosition;

TextPosition position_of(const yaml_mark_t& mark) {
  return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

// CloudFormation's short forms (AWS CloudFormation User Guide, "Intrinsic function reference":
// each function's "Syntax for the short form"). `!Condition` names a condition, not a function.
std::string long_form(const std::string& tag) {
  static const char* const functions[] = {"Base64", "Cidr",   "FindInMap", "GetAtt", "GetAZs",    "ImportValue",
                                          "Join",   "Select", "Split",     "Sub",    "Transform", "And",
                                          "Equals", "If",     "Not",       "Or",     "ToJsonString", "Length"};
  if (tag == "!Ref") return "Ref";
  if (tag == "!Condition") return "Condition";
  for (const char* f : functions)
    if (tag == std::string("!") + f) return std::string("Fn::") + f;
  return "";
}

json plain_scalar(const std::string& v) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return nullptr;
  if (v == "true" || v == "True" || v == "TRUE") return true;
  if (v == "false" || v == "False" || v == "FALSE") return false;
  static const std::regex integer("[-+]?[0-9]+");
  static const std::regex decimal("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  if (std::regex_match(v, integer) && v.size() < 19) return std::stoll(v);
  if (std::regex_match(v, decimal)) return std::strtod(v.c_str(), nullptr);
  return v;
}

class YamlBuilder {
 public:
  YamlBuilder(const std::string& name, const std::string& text) : name_(name) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~YamlBuilder() {
    if (held_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  YamlBuilder(const YamlBuilder&) = delete;
  YamlBuilder& operator=(const YamlBuilder&) = delete;

  YamlTree build() {
    expect_event(YAML_STREAM_START_EVENT);
    next();
    if (event_.type == YAML_STREAM_END_EVENT) fail(event_.start_mark, "a YAML document", "an empty file");
    if (event_.type != YAML_DOCUMENT_START_EVENT) fail(event_.start_mark, "a YAML document", "something else");
    next();
    tree_.root = node("", 0);
    next();  // document end
    next();
    if (event_.type != YAML_STREAM_END_EVENT)
      fail(event_.start_mark, "one YAML document", "a second document");
    return std::move(tree_);
  }

 private:
  void next() {
    if (held_) yaml_event_delete(&event_);
    held_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) {
      const std::string problem = parser_.problem ? parser_.problem : "broken YAML";
      fail(parser_.problem_mark, "valid YAML", problem);
    }
    held_ = true;
  }

  void expect_event(yaml_event_type_t type) {
    next();
    if (event_.type != type) fail(event_.start_mark, "valid YAML", "something else");
  }

  [[noreturn]] void fail(const yaml_mark_t& mark, const std::string& expected, const std::string& found) {
    const TextPosition at = position_of(mark);
    throw scenario::ScenarioError(name_, "", expected, found, at.line, at.column);
  }

  static std::string text_of(const yaml_char_t* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

  // The node the current event starts, at `pointer`; leaves the current event on its last event.
  json node(const std::string& pointer, int depth) {
    if (depth > scenario::kMaxNestingDepth)
      fail(event_.start_mark, "mappings and sequences nested at most 64 deep", "deeper nesting");
    tree_.positions[pointer] = position_of(event_.start_mark);
    const yaml_mark_t mark = event_.start_mark;
    std::string anchor, tag;
    switch (event_.type) {
      case YAML_ALIAS_EVENT:
        fail(mark, "no YAML aliases (CloudFormation does not accept anchors and aliases)",
             "alias *" + text_of(event_.data.alias.anchor));
      case YAML_SCALAR_EVENT:
        anchor = text_of(event_.data.scalar.anchor);
        tag = text_of(event_.data.scalar.tag);
        break;
      case YAML_SEQUENCE_START_EVENT:
        anchor = text_of(event_.data.sequence_start.anchor);
        tag = text_of(event_.data.sequence_start.tag);
        break;
      case YAML_MAPPING_START_EVENT:
        anchor = text_of(event_.data.mapping_start.anchor);
        tag = text_of(event_.data.mapping_start.tag);
        break;
      default:
        fail(mark, "a value", "something else");
    }
    if (!anchor.empty())
      fail(mark, "no YAML anchors (CloudFormation does not accept anchors and aliases)", "anchor &" + anchor);
    std::string function;
    if (!tag.empty()) {
      function = long_form(tag);
      const bool plain_string = tag == "tag:yaml.org,2002:str";
      if (function.empty() && !plain_string)
        fail(mark, "a CloudFormation short-form tag (!Ref, !GetAtt, !Sub, !Join, ...)", "tag " + tag);
      if (plain_string) return text_of(event_.data.scalar.value);
    }
    json value = function.empty() ? untagged(pointer, depth) : untagged(pointer + "/" + scenario::pointer_token(function), depth);
    if (function.empty()) return value;
    // `!GetAtt Resource.Attribute` is the one short form whose scalar splits.
    if (function == "Fn::GetAtt" && value.is_string()) {
      const std::string s = value.get<std::string>();
      const auto dot = s.find('.');
      value = dot == std::string::npos ? json::array({s}) : json::array({s.substr(0, dot), s.substr(dot + 1)});
    }
    return json::object({{function, std::move(value)}});
  }

  json untagged(const std::string& pointer, int depth) {
    if (event_.type == YAML_SCALAR_EVENT) {
      const std::string v(reinterpret_cast<const char*>(event_.data.scalar.value), event_.data.scalar.length);
      const bool plain = event_.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      return plain && !event_.data.scalar.tag ? plain_scalar(v) : json(v);
    }
    if (event_.type == YAML_SEQUENCE_START_EVENT) {
      json array = json::array();
      for (next(); event_.type != YAML_SEQUENCE_END_EVENT; next())
        array.push_back(node(pointer + "/" + std::to_string(array.size()), depth + 1));
      return array;
    }
    json object = json::object();
    for (next(); event_.type != YAML_MAPPING_END_EVENT; next()) {
      const yaml_mark_t key_mark = event_.start_mark;
      if (event_.type != YAML_SCALAR_EVENT) fail(key_mark, "a plain key", "a complex key");
      const std::string key = text_of(event_.data.scalar.value);
      if (key == "<<") fail(key_mark, "no YAML merge keys (CloudFormation does not accept them)", "<<");
      if (object.contains(key)) fail(key_mark, "each key once in a mapping", "\"" + key + "\" again");
      next();
      object[key] = node(pointer + "/" + scenario::pointer_token(key), depth + 1);
    }
    return object;
  }

  const std::string& name_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool held_ = false;
  YamlTree tree_;
};

}  // namespace

YamlTree parse_yaml(const std::string& name, const std::string& text) {
  if (text.size() > scenario::kMaxDocumentBytes)
    throw scenario::ScenarioError(name, "", "a document of at most 8 MiB", std::to_string(text.size()) + " bytes");
  YamlBuilder builder(name, text);
  return builder.build();
}

}  // namespace harness::readers
