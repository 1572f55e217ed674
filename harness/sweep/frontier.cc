#include "harness/sweep/frontier.h"

#include <array>
#include <cstdio>
#include <limits>

namespace harness::sweep {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::array<double, 3> objectives(const CellMetrics& m) {
  const double rollback = m.rollback_bad.p95   ? static_cast<double>(m.rollback_bad.p95->count())
                          : m.bad_runs == 0 ? 0
                                            : kInfinity;
  return {rollback, m.p_false_rollback_good.value_or(0), m.below_desired_mean_s};
}

bool dominates(const std::array<double, 3>& a, const std::array<double, 3>& b) {
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

std::string describe(const CellMetrics& m, const std::string& label) {
  return label + ": rolls back " + percent(m.p_rollback_bad) + " of bad deploys (p95 " +
         human_duration(m.rollback_bad.p95) + " after the deploy starts), rolls back " +
         percent(m.p_false_rollback_good) + " of good deploys by mistake, " +
         seconds_text(m.below_desired_mean_s) + " below desired healthy capacity per deploy, " +
         "good deploys complete in " + human_duration(m.complete_good.p50) + " (p50)";
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
    return std::array<double, 3>{o[1], o[0], o[2]};
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
  const auto mine = objectives(cells[out.cell]);
  int faster = -1, safer = -1;
  for (int c : frontier) {
    const auto o = objectives(cells[c]);
    if (o[0] < mine[0] && (faster < 0 || o[0] > objectives(cells[faster])[0])) faster = c;
    if (o[1] < mine[1] && (safer < 0 || o[0] < objectives(cells[safer])[0])) safer = c;
  }
  if (faster >= 0)
    out.trade_off += "Faster: " + labels[faster] + " rolls bad deploys back by p95 " +
                     human_duration(cells[faster].rollback_bad.p95) + " instead of " +
                     human_duration(cells[out.cell].rollback_bad.p95) + ", but rolls back " +
                     percent(cells[faster].p_false_rollback_good) + " of good deploys (vs " +
                     percent(cells[out.cell].p_false_rollback_good) + "). ";
  if (safer >= 0)
    out.trade_off += "Safer: " + labels[safer] + " rolls back " + percent(cells[safer].p_false_rollback_good) +
                     " of good deploys, but bad ones only by p95 " + human_duration(cells[safer].rollback_bad.p95) +
                     ".";
  if (out.trade_off.empty()) out.trade_off = "No setting on the frontier is faster or safer.";
  if (!out.trade_off.empty() && out.trade_off.back() == ' ') out.trade_off.pop_back();
  return out;
}

}  // namespace harness::sweep
