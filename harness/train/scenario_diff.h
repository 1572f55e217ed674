// What a fix changed: the JSON values that differ between an incident's scenario file and its
// fixed twin's, as "pointer: before -> after" lines. Text for people (name, description, story,
// source) and `expect` are left out: they always differ and change nothing in the run.
#pragma once

#include <string>
#include <vector>

namespace harness::train {

// Throws std::runtime_error when a file cannot be read or parsed (the library loaded it before).
std::vector<std::string> scenario_changes(const std::string& from_path, const std::string& to_path);

}  // namespace harness::train
