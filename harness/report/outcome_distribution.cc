#include "harness/report/outcome_distribution.h"

#include <cstdio>
#include <string>
#include <utility>

#include "harness/report/percentile.h"

namespace harness::report {
namespace {

using sim::observe::Outcome;

std::string percent(int part, int whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buffer;
}

std::string seconds_or_never(const std::optional<sim::Millis>& t) { return t ? sim::format_seconds(*t) : "never"; }

nlohmann::json json_seconds(const std::optional<sim::Millis>& t) {
  return t ? nlohmann::json(t->count() / 1000.0) : nlohmann::json();
}

}  // namespace

OutcomeDistribution summarize(const std::vector<SeededResult>& results) {
  OutcomeDistribution d;
  d.runs = static_cast<int>(results.size());
  if (results.empty()) return d;
  d.first_seed = results.front().seed;
  d.last_seed = results.back().seed;
  for (const Outcome outcome :
       {Outcome::completed, Outcome::rolled_back, Outcome::failed, Outcome::stuck, Outcome::steady_state}) {
    OutcomeShare share;
    share.outcome = outcome;
    std::vector<std::optional<sim::Millis>> times;
    int failed = 0;
    for (const SeededResult& r : results) {
      if (r.result.outcome != outcome) continue;
      if (share.runs++ == 0) share.first_seed = r.seed;
      failed += r.result.metrics.failed_tasks;
      if (r.result.metrics.failed_tasks > 0) ++share.runs_with_failed_tasks;
      times.push_back(r.result.metrics.time_to_outcome);
    }
    if (share.runs == 0) continue;
    share.mean_failed_tasks = static_cast<double>(failed) / share.runs;
    const TimesToEvent sample(std::move(times));
    share.p50 = sample.percentile(50);
    share.p95 = sample.percentile(95);
    share.max = sample.max();
    d.shares.push_back(share);
  }
  for (const SeededResult& r : results) d.expect_met += r.expect_met ? 1 : 0;
  return d;
}

void print_distribution(std::ostream& out, const OutcomeDistribution& d) {
  out << "outcomes over seeds " << d.first_seed << ".." << d.last_seed << " (" << d.runs << " runs):\n";
  for (const OutcomeShare& s : d.shares) {
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.2f", s.mean_failed_tasks);
    out << "  " << sim::observe::to_string(s.outcome) << ": " << s.runs << " (" << percent(s.runs, d.runs)
        << "), " << s.runs_with_failed_tasks << " with failed tasks (mean " << mean << ")";
    if (s.p50)
      out << ", time to outcome p50 " << seconds_or_never(s.p50) << " p95 " << seconds_or_never(s.p95) << " max "
          << seconds_or_never(s.max);
    out << "; e.g. --seed " << s.first_seed << "\n";
  }
  if (d.has_expect)
    out << "expect met in " << d.expect_met << " of " << d.runs << " runs (" << percent(d.expect_met, d.runs)
        << ")\n";
}

nlohmann::json distribution_json(const OutcomeDistribution& d) {
  nlohmann::json j = {{"firstSeed", d.first_seed}, {"lastSeed", d.last_seed}, {"runs", d.runs}};
  nlohmann::json shares = nlohmann::json::array();
  for (const OutcomeShare& s : d.shares) {
    nlohmann::json share = {{"outcome", std::string(sim::observe::to_string(s.outcome))},
                            {"runs", s.runs},
                            {"share", d.runs > 0 ? static_cast<double>(s.runs) / d.runs : 0.0},
                            {"firstSeed", s.first_seed},
                            {"meanFailedTasks", s.mean_failed_tasks},
                            {"runsWithFailedTasks", s.runs_with_failed_tasks}};
    if (s.p50) {
      share["timeToOutcomeSeconds"] = {{"p50", json_seconds(s.p50)}, {"p95", json_seconds(s.p95)}, {"max", json_seconds(s.max)}};
    }
    shares.push_back(share);
  }
  j["outcomes"] = shares;
  if (d.has_expect) j["expectMet"] = d.expect_met;
  return j;
}

}  // namespace harness::report
