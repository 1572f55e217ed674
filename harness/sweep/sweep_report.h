// What a complete sweep shows: the metrics of every cell, the Pareto frontier and the
// recommendation, and its CSV, JSON and text forms (the HTML report is html_report.h). Built from
// a SweepResult alone, so an unsharded run and a merge of shards print the same bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "harness/sweep/cell_metrics.h"
#include "harness/sweep/frontier.h"
#include "harness/sweep/sweep_result.h"

namespace harness::sweep {

struct SweepReport {
  nlohmann::json header;            // as in SweepResult
  std::vector<std::string> axis_names;
  std::vector<std::vector<nlohmann::json>> axis_values;
  std::vector<std::vector<int>> coordinates;  // per cell, the value index on each axis
  std::vector<std::string> labels;            // per cell, "grace=60 retries=3"
  std::vector<std::string> fault_names;       // the population's fault classes, in order
  std::vector<CellMetrics> cells;
  std::vector<int> frontier;
  Recommendation recommendation;
  std::vector<std::string> notes;  // skipped axes, in words
};

// Computes the report of a complete result (merge_partials's output, or a 0/1 partial).
SweepReport build_report(const SweepResult& complete);

// One row per cell: the axis values, then the metrics in seconds and shares; an empty field is
// "never" (no such moment within the horizon) or "no such runs".
void write_csv(std::ostream& out, const SweepReport& report);

nlohmann::json report_json(const SweepReport& report);

// The frontier as a table and the recommendation, for the terminal.
void print_summary(std::ostream& out, const SweepReport& report);

// "1.5" / "" for a duration in seconds, a share: the CSV's and the JSON's number formatting.
std::string seconds_field(const std::optional<sim::Millis>& t);

}  // namespace harness::sweep
