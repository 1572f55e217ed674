// One resource of a Terraform plan or state, and the copying of its attributes into the API's
// shape with their origins: what the plan reader (terraform_plan.cc) and its parts share.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "harness/readers/config_sections.h"

namespace harness::readers {

// One resource instance as the plan or state gives it.
struct TfResource {
  std::string address;  // "module.api.aws_ecs_service.this"
  std::string type;
  const nlohmann::json* after = nullptr;          // planned (or state) values
  std::string after_pointer;
  const nlohmann::json* after_unknown = nullptr;  // true for each attribute known only after apply
  const nlohmann::json* before = nullptr;         // the values before the change; null for a create
  std::string before_pointer;
};

// Whether the plan marks `attribute` of `r` as known only after apply.
bool unknown(const TfResource& r, const std::string& attribute);

// The first element of a nested block (the plan writes blocks as arrays), or null.
const nlohmann::json* block(const nlohmann::json& values, const std::string& name);

// Attribute -> JSON pointer in the API's shape, for copying a resource's values.
using Fields = std::initializer_list<std::pair<const char*, const char*>>;

// Copies attributes into generated sections, recording where each came from, and notes the
// values the plan knows only after apply.
class AttributeCopier {
 public:
  AttributeCopier(ConfigSections& sections, SourcePtr source) : sections_(sections), source_(std::move(source)) {}

  // Copies attribute `from` of `values` (of `r`, at `values_pointer`) to `to` in `section`
  // (generated at `section_pointer`), with its origin; absent or null: nothing, and an attribute
  // unknown until apply is noted "left to its default".
  void put(SectionWriter& writer, nlohmann::json& section, const std::string& section_pointer, const TfResource& r,
           const nlohmann::json& values, const std::string& values_pointer, const std::string& from,
           const std::string& to);
  // "FILE:LINE:COL: ADDRESS.ATTRIBUTE is unknown until apply[: CONSEQUENCE]" among the notes.
  void note_unknown(const TfResource& r, const std::string& attribute, const std::string& consequence);
  const SourcePtr& source() const { return source_; }

 private:
  ConfigSections& sections_;
  SourcePtr source_;
};

}  // namespace harness::readers
