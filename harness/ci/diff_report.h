// How `deploysim diff` reports: the measures of each class of deploy, BASE against HEAD, with
// which way is better; `--fail-on` and its tolerances; and the text, JSON and Markdown (a table
// sized for a pull-request comment, the changed settings first) that show them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/ci/deploy_diff.h"
#include "harness/report/sarif.h"

namespace harness::ci {

enum class Better { lower, higher, neither };
enum class Unit { percent, seconds, count, hours };

// One figure of one class on both sides. A time is nullopt when it is "never" (more than 5 % of
// the runs never got there, for a p95); it then compares as later than any time.
struct MeasureRow {
  std::string id;     // what --fail-on names: "false-rollback", "detect-p95", "5xx"
  std::string label;  // "rolled back (false rollbacks)"
  Unit unit = Unit::percent;
  Better better = Better::lower;
  std::optional<double> base, head;

  bool changed() const { return base != head; }
  // True when HEAD is worse than BASE by more than `tolerance` (in the unit: percentage points,
  // seconds, deploys' counts or task-hours).
  bool worse_by_more_than(double tolerance) const;
};

struct ClassMeasures {
  std::string name;  // "good deploys", "as written", a fault class
  std::int64_t runs = 0;
  std::vector<MeasureRow> rows;
};

// The measures of every class both sides ran.
std::vector<ClassMeasures> diff_measures(const DeployDiff& diff);

// "false-rollback,detect-p95:30": measure ids with an optional tolerance after ':'.
struct FailOn {
  std::string id;
  double tolerance = 0;
};

// Parses --fail-on. Throws UsageError-like std::invalid_argument naming the unknown id or the bad
// tolerance, and listing the ids there are.
std::vector<FailOn> parse_fail_on(const std::string& text);

// A measure --fail-on named that HEAD made worse beyond its tolerance.
struct Regression {
  std::string class_name;
  MeasureRow row;
  double tolerance = 0;
};

std::vector<Regression> regressions(const std::vector<ClassMeasures>& measures, const std::vector<FailOn>& fail_on);

// "128 MiB -> 512 MiB": a row's value ("never" for a time never reached).
std::string format_value(const MeasureRow& row, const std::optional<double>& value);
// "-100.0 pp", "+30 s", "never -> 95 s"; "" when unchanged.
std::string format_change(const MeasureRow& row);

// SARIF for a pull request: the lint findings HEAD adds, at their places in HEAD's file, and one
// result per regression (rule "diff-<measure>", e.g. "diff-false-rollback") at the first setting
// HEAD changed; every lint rule and each regressed measure described.
report::SarifRun diff_sarif_run(const DeployDiff& diff, const DiffSide& head, const std::vector<Regression>& regressed);

void print_diff_text(std::ostream& out, const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                     const std::vector<Regression>& regressed, const std::vector<FailOn>& fail_on);
nlohmann::json diff_json(const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                         const std::vector<Regression>& regressed);
// The pull-request comment: a heading, the settings that differ, lint findings added and removed,
// one table per class with the measures that changed, and the --fail-on verdict.
std::string diff_markdown(const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                          const std::vector<Regression>& regressed, const std::vector<FailOn>& fail_on);

}  // namespace harness::ci
