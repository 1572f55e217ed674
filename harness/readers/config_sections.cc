#include "harness/readers/config_sections.h"

#include <cctype>

#include "harness/scenario/position_index.h"

namespace harness::readers {

void SectionWriter::origin(const std::string& scenario_pointer, const std::string& source_pointer) {
  sections_.origins.add(scenario_pointer, Origin{source_, source_pointer, resource_});
}

nlohmann::json SectionWriter::camel_case(const nlohmann::json& value, const std::string& scenario_pointer,
                                         const std::string& source_pointer) {
  return copy(value, scenario_pointer, source_pointer, true);
}

nlohmann::json SectionWriter::as_is(const nlohmann::json& value, const std::string& scenario_pointer,
                                    const std::string& source_pointer) {
  return copy(value, scenario_pointer, source_pointer, false);
}

nlohmann::json SectionWriter::copy(const nlohmann::json& value, const std::string& scenario_pointer,
                                   const std::string& source_pointer, bool camel) {
  origin(scenario_pointer, source_pointer);
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < value.size(); ++i)
      out.push_back(copy(value[i], scenario_pointer + "/" + std::to_string(i),
                         source_pointer + "/" + std::to_string(i), camel));
    return out;
  }
  if (!value.is_object()) return value;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, member] : value.items()) {
    std::string name = key;
    if (camel && !name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    out[name] = copy(member, scenario_pointer + "/" + scenario::pointer_token(name),
                     source_pointer + "/" + scenario::pointer_token(key), camel);
  }
  return out;
}

}  // namespace harness::readers
