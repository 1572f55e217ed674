#include "harness/train/scenario_diff.h"

#include <fstream>
#include <stdexcept>

namespace harness::train {
namespace {

using nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return json::parse(in);
}

std::string short_value(const json& v) {
  std::string s = v.dump();
  constexpr std::size_t kMax = 70;
  return s.size() > kMax ? s.substr(0, kMax - 3) + "..." : s;
}

bool for_people(const std::string& pointer) {
  for (const char* key : {"/name", "/description", "/story", "/source", "/expect"}) {
    const std::string k = key;
    if (pointer == k || pointer.rfind(k + "/", 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<SettingDiff> setting_diffs(const json& from, const json& to) {
  std::vector<SettingDiff> out;
  for (const json& op : json::diff(from, to)) {
    const std::string path = op.at("path").get<std::string>();
    if (for_people(path)) continue;
    const std::string kind = op.at("op").get<std::string>();
    const json::json_pointer ptr(path);
    if (kind == "replace")
      out.push_back({path, short_value(from.at(ptr)), short_value(op.at("value"))});
    else if (kind == "add")
      out.push_back({path, "", short_value(op.at("value"))});
    else if (kind == "remove")
      out.push_back({path, short_value(from.at(ptr)), ""});
  }
  return out;
}

std::vector<std::string> scenario_changes(const std::string& from_path, const std::string& to_path) {
  std::vector<std::string> out;
  for (const SettingDiff& d : setting_diffs(read_json(from_path), read_json(to_path))) {
    if (d.before.empty())
      out.push_back(d.pointer + ": added " + d.after);
    else if (d.after.empty())
      out.push_back(d.pointer + ": removed (was " + d.before + ")");
    else
      out.push_back(d.pointer + ": " + d.before + " -> " + d.after);
  }
  return out;
}

}  // namespace harness::train
