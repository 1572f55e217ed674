#include "tests/reliability/bad_input_cases.h"

#include "harness/scenario/default_scenario.h"

namespace reliability {

nlohmann::json default_scenario() {
  return nlohmann::json::parse(harness::scenario::default_scenario_json());
}

std::string with(const std::string& pointer, const nlohmann::json& value) {
  nlohmann::json scenario = default_scenario();
  scenario[nlohmann::json::json_pointer(pointer)] = value;
  return scenario.dump(1);
}

std::string with_raw(const std::string& pointer, const std::string& raw_json) {
  // A placeholder string no scenario holds, swapped for the raw text after dumping.
  const std::string placeholder = "\"@@raw@@\"";
  std::string text = with(pointer, "@@raw@@");
  text.replace(text.find(placeholder), placeholder.size(), raw_json);
  return text;
}

std::string without(const std::string& pointer) {
  nlohmann::json scenario = default_scenario();
  const nlohmann::json::json_pointer at(pointer);
  scenario[at.parent_pointer()].erase(at.back());
  return scenario.dump(1);
}

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

}  // namespace reliability
