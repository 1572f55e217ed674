// Which settings are worth choosing: the Pareto frontier of a sweep's cells over (p95 time to
// roll back a bad deploy, share of good deploys rolled back by mistake, mean time below desired
// healthy capacity, mean 5xx served to users per bad deploy), all to be made small, and one
// recommendation on it in plain words.
#pragma once

#include <string>
#include <vector>

#include "harness/sweep/cell_metrics.h"

namespace harness::sweep {

// Indexes of the cells no other cell beats on one objective without losing on another, in
// cell order. A p95 of "never" is worse than any time.
std::vector<int> pareto_frontier(const std::vector<CellMetrics>& cells);

struct Recommendation {
  int cell = -1;
  std::string summary;    // "grace=60 retries=3: rolls back 98.7 % of bad deploys (p95 ...)"
  std::string trade_off;  // what the frontier offers instead, and what it costs
};

// Among frontier cells that roll back nearly as many bad deploys as the best cell (within one
// percentage point) and roll back at most `false_rollback_budget` of good deploys: the fastest
// p95 rollback, then the fewest false rollbacks, then the least time below desired capacity,
// then the fewest 5xx per bad deploy. When no cell keeps to the budget, the fewest false
// rollbacks. The trade-off names the next faster frontier cell (and what it costs in false
// rollbacks), the next safer one (and what it costs in time), and the cell whose good deploys
// complete soonest while catching the most (a shorter bake: what it costs in bad deploys missed
// and 5xx served). `labels` names each cell ("grace=60 retries=3").
Recommendation recommend(const std::vector<CellMetrics>& cells, const std::vector<int>& frontier,
                         const std::vector<std::string>& labels, double false_rollback_budget);

// "4 min 10 s", "35.2 s", "never": a duration for people.
std::string human_duration(const std::optional<sim::Millis>& t);

}  // namespace harness::sweep
