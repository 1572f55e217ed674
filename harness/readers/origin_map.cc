#include "harness/readers/origin_map.h"

namespace harness::readers {

std::string PlacedOrigin::describe() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
  if (!resource.empty()) text += " (" + resource + ")";
  return text;
}

void OriginMap::add(const std::string& scenario_pointer, Origin origin) {
  origins_[scenario_pointer] = std::move(origin);
}

void OriginMap::add_moved(const OriginMap& other, const std::string& from, const std::string& to) {
  for (auto it = other.origins_.lower_bound(from); it != other.origins_.end(); ++it) {
    const std::string& key = it->first;
    if (key.compare(0, from.size(), from) != 0) break;
    if (key.size() > from.size() && key[from.size()] != '/') continue;
    origins_[to + key.substr(from.size())] = it->second;
  }
}

std::optional<PlacedOrigin> OriginMap::place(std::string scenario_pointer) const {
  for (;;) {
    if (const auto it = origins_.find(scenario_pointer); it != origins_.end()) {
      const Origin& o = it->second;
      const scenario::TextPosition at = o.source->position(o.pointer);
      return PlacedOrigin{o.source->name(), at.line, at.column, o.resource, o.pointer};
    }
    if (scenario_pointer.empty()) return std::nullopt;
    scenario_pointer.erase(scenario_pointer.rfind('/'));
  }
}

scenario::ScenarioError OriginMap::translate(const scenario::ScenarioError& error) const {
  const std::optional<PlacedOrigin> at = place(error.json_pointer);
  if (!at || error.json_pointer.empty()) return error;
  const std::string where = (at->resource.empty() ? "" : at->resource + " ") + at->source_pointer;
  return scenario::ScenarioError(at->file, where, error.expected, error.found, at->line, at->column);
}

}  // namespace harness::readers
