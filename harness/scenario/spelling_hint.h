// "Did you mean ...?" for misspelt keys and names: the candidate closest to what was written, by
// Levenshtein distance, if it is close enough to be a likely typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace harness::scenario {

// Insertions, deletions and substitutions needed to turn `a` into `b`.
int edit_distance(std::string_view a, std::string_view b);

// The first of `candidates` at the smallest distance from `written`, if that distance is at most
// `max_distance` (2 catches "phses" and "onMising" without suggesting "port" for "name").
std::optional<std::string> closest_match(std::string_view written,
                                         const std::vector<std::string>& candidates,
                                         int max_distance = 2);

}  // namespace harness::scenario
