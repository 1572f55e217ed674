// Building hostile scenarios for the bad-input table: the built-in default scenario with one
// value replaced or removed, or raw text. Each case is one thing wrong, so its error must name it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace reliability {

// The default scenario (scenarios/examples/default.json) as a JSON value.
nlohmann::json default_scenario();

// The default scenario as text, with the value at `pointer` set to `value` (created if absent).
std::string with(const std::string& pointer, const nlohmann::json& value);
// The same with raw JSON text in place of the value: for what a JSON value cannot hold (NaN,
// 1e999, an integer past 2^64).
std::string with_raw(const std::string& pointer, const std::string& raw_json);
// The default scenario as text without the member at `pointer`.
std::string without(const std::string& pointer);

// `depth` arrays nested in one another: "[[[...]]]".
std::string nested_arrays(int depth);

}  // namespace reliability
