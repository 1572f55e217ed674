#include "harness/sweep/frontier.h"

#include <array>
#include <cstdio>
#include <limits>

namespace harness::sweep {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// (p95 rollback of bad, false rollback share, time below desired, 5xx per bad deploy).
using Objectives = std::array<double, 4>;

Objectives objectives(const CellMetrics& m) {
  const double rollback = m.rollback_bad.p95   ? static_cast<double>(m.rollback_bad.p95->count())
                          : m.bad_runs == 0 ? 0
                                            : kInfinity;
  return {rollback, m.p_false_rollback_good.value_or(0), m.below_desired_mean_s, m.errors_bad_mean};
}

bool dominates(const Objectives& a, const Objectives& b) {
  bool better = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    better = better || a[i] < b[i];
  }
  return better;
}

std::string percent(std::optional<double> share) {
  if (!share) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", *share * 100);
  return text;
}

std::string seconds_text(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", s);
  return text;
}

std::string errors_text(double errors) {
  char text[48];
  std::snprintf(text, sizeof text, "%.0f 5xx", errors);
  return text;
}

std::string describe(const CellMetrics& m, const std::string& label) {
  return label + ": rolls back " + percent(m.p_rollback_bad) + " of bad deploys (p95 " +
         human_duration(m.rollback_bad.p95) + " after the deploy starts; " + errors_text(m.errors_bad_mean) +
         " served to users per bad deploy), rolls back " + percent(m.p_false_rollback_good) +
         " of good deploys by mistake, " +
         seconds_text(m.below_desired_mean_s) + " below desired healthy capacity per deploy, " +
         "good deploys complete in " + human_duration(m.complete_good.p50) + " (p50)";
}

double completion_ms(const CellMetrics& m) {
  return m.complete_good.p50 ? static_cast<double>(m.complete_good.p50->count()) : kInfinity;
}

// The cell whose good deploys complete at least 10 % sooner than `chosen`'s (p50; a smaller
// difference is noise of the start-up spread, not a setting) and that, among those, serves the
// fewest 5xx per bad deploy and then catches the most: what a shorter bake (or none) would buy and
// cost. Any cell, not only the frontier's: skipping the bake misses faults and so is usually
// dominated. -1 when no cell completes that much sooner.
int quicker_cell(const std::vector<CellMetrics>& cells, int chosen) {
  constexpr double kNoticeablySooner = 0.9;
  int quicker = -1;
  const auto rank = [&](int c) {
    return std::pair{cells[c].errors_bad_mean, -cells[c].p_rollback_bad.value_or(0)};
  };
  for (int c = 0; c < static_cast<int>(cells.size()); ++c)
    if (completion_ms(cells[c]) < kNoticeablySooner * completion_ms(cells[chosen]) &&
        (quicker < 0 || rank(c) < rank(quicker)))
      quicker = c;
  return quicker;
}

// The frontier's next faster and next safer cells around `chosen` that catch as many bad deploys
// (within one point), and the quicker-deploying cell, each with what it costs.
std::string trade_off(const std::vector<CellMetrics>& cells, const std::vector<int>& frontier,
                      const std::vector<std::string>& labels, int chosen) {
  const CellMetrics& mine = cells[chosen];
  const auto my = objectives(mine);
  int faster = -1, safer = -1;
  for (int c : frontier) {
    if (cells[c].p_rollback_bad.value_or(0) < mine.p_rollback_bad.value_or(0) - 0.01) continue;
    const auto o = objectives(cells[c]);
    if (o[0] < my[0] && (faster < 0 || o[0] > objectives(cells[faster])[0])) faster = c;
    if (o[1] < my[1] && (safer < 0 || o[0] < objectives(cells[safer])[0])) safer = c;
  }
  std::string text;
  if (faster >= 0)
    text += "Faster: " + labels[faster] + " rolls bad deploys back by p95 " +
            human_duration(cells[faster].rollback_bad.p95) + " instead of " + human_duration(mine.rollback_bad.p95) +
            ", but rolls back " + percent(cells[faster].p_false_rollback_good) + " of good deploys (vs " +
            percent(mine.p_false_rollback_good) + "). ";
  if (safer >= 0)
    text += "Safer: " + labels[safer] + " rolls back " + percent(cells[safer].p_false_rollback_good) +
            " of good deploys, but bad ones only by p95 " + human_duration(cells[safer].rollback_bad.p95) + ". ";
  if (const int quicker = quicker_cell(cells, chosen); quicker >= 0)
    text += "Quicker deploys: " + labels[quicker] + " completes good deploys in " +
            human_duration(cells[quicker].complete_good.p50) + " (p50) instead of " +
            human_duration(mine.complete_good.p50) + ", but rolls back " + percent(cells[quicker].p_rollback_bad) +
            " of bad deploys (vs " + percent(mine.p_rollback_bad) + ") and serves " +
            errors_text(cells[quicker].errors_bad_mean) + " per bad deploy (vs " + errors_text(mine.errors_bad_mean) +
            "). ";
  if (text.empty()) return "No setting on the frontier is faster or safer, and none deploys quicker.";
  text.pop_back();
  return text;
}

}  // namespace

std::string human_duration(const std::optional<sim::Millis>& t) {
  if (!t) return "never";
  const std::int64_t ms = t->count();
  char text[48];
  if (ms < 60'000) std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000);
  else std::snprintf(text, sizeof text, "%lld min %lld s", static_cast<long long>(ms / 60'000),
                     static_cast<long long>(ms % 60'000 / 1000));
  return text;
}

std::vector<int> pareto_frontier(const std::vector<CellMetrics>& cells) {
  std::vector<int> frontier;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < cells.size() && !dominated; ++j)
      dominated = dominates(objectives(cells[j]), objectives(cells[i]));
    if (!dominated) frontier.push_back(static_cast<int>(i));
  }
  return frontier;
}

Recommendation recommend(const std::vector<CellMetrics>& cells, const std::vector<int>& frontier,
                         const std::vector<std::string>& labels, double false_rollback_budget) {
  Recommendation out;
  if (frontier.empty()) return out;
  double best_catch = 0;
  for (const CellMetrics& m : cells) best_catch = std::max(best_catch, m.p_rollback_bad.value_or(0));
  const auto fastest_first = [&](int c) { return objectives(cells[c]); };
  const auto safest_first = [&](int c) {
    const auto o = objectives(cells[c]);
    return Objectives{o[1], o[0], o[2], o[3]};
  };
  for (int c : frontier) {
    if (cells[c].p_rollback_bad.value_or(0) < best_catch - 0.01) continue;
    if (objectives(cells[c])[1] > false_rollback_budget + 1e-12) continue;
    if (out.cell < 0 || fastest_first(c) < fastest_first(out.cell)) out.cell = c;
  }
  if (out.cell < 0)
    for (int c : frontier)
      if (out.cell < 0 || safest_first(c) < safest_first(out.cell)) out.cell = c;
  out.summary = describe(cells[out.cell], labels[out.cell]);
  out.trade_off = trade_off(cells, frontier, labels, out.cell);
  return out;
}

}  // namespace harness::sweep
