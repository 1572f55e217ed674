// What a fix changed: the JSON values that differ between an incident's scenario file and its
// fixed twin's, as "pointer: before -> after" lines. Text for people (name, description, story,
// source) and `expect` are left out: they always differ and change nothing in the run.
// `deploysim diff` lists the same changes as its "settings that differ".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace harness::train {

// One value that differs: `before` or `after` is "" when the member was added or removed.
struct SettingDiff {
  std::string pointer;
  std::string before;  // shortened JSON, "" when absent
  std::string after;
};

// The differences of two scenario documents, in JSON Patch order (RFC 6902 as nlohmann computes
// it), text for people and `expect` left out.
std::vector<SettingDiff> setting_diffs(const nlohmann::json& from, const nlohmann::json& to);

// Throws std::runtime_error when a file cannot be read or parsed (the library loaded it before).
std::vector<std::string> scenario_changes(const std::string& from_path, const std::string& to_path);

}  // namespace harness::train
