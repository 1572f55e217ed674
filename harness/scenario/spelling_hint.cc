#include "harness/scenario/spelling_hint.h"

#include <algorithm>
#include <numeric>

namespace harness::scenario {

int edit_distance(std::string_view a, std::string_view b) {
  // One row of the classic dynamic-programming table at a time.
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view written,
                                         const std::vector<std::string>& candidates,
                                         int max_distance) {
  std::optional<std::string> best;
  int best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    const int distance = edit_distance(written, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace harness::scenario
