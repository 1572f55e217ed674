#include "harness/readers/terraform_resource.h"

#include "harness/scenario/position_index.h"

namespace harness::readers {

using nlohmann::json;

bool unknown(const TfResource& r, const std::string& attribute) {
  return r.after_unknown && r.after_unknown->is_object() && r.after_unknown->value(attribute, json(false)) == json(true);
}

const json* block(const json& values, const std::string& name) {
  if (!values.contains(name) || !values[name].is_array() || values[name].empty()) return nullptr;
  return &values[name][0];
}

void AttributeCopier::put(SectionWriter& writer, json& section, const std::string& section_pointer,
                          const TfResource& r, const json& values, const std::string& values_pointer,
                          const std::string& from, const std::string& to) {
  if (!values.contains(from) || values[from].is_null()) {
    if (&values == r.after && unknown(r, from)) note_unknown(r, from, "left to its default");
    return;
  }
  section[json::json_pointer(to)] = values[from];
  writer.origin(section_pointer + to, values_pointer + "/" + from);
}

void AttributeCopier::note_unknown(const TfResource& r, const std::string& attribute, const std::string& consequence) {
  const scenario::TextPosition at = source_->position(r.after_pointer);
  sections_.notes.push_back(source_->name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                            r.address + "." + attribute + " is unknown until apply" +
                            (consequence.empty() ? "" : ": " + consequence));
}

}  // namespace harness::readers
