#include "harness/sweep/sweep_report.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace harness::sweep {
namespace {

std::string fixed(double value, int decimals) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string share_field(const std::optional<double>& share) { return share ? fixed(*share, 4) : ""; }

// A number for the JSON: exact decimal text parsed back, so the bytes do not depend on how the
// double was computed beyond 4 decimals.
nlohmann::json json_number(const std::string& field) {
  return field.empty() ? nlohmann::json() : nlohmann::json::parse(field);
}

struct Column {
  std::string name;
  std::function<std::string(const CellMetrics&)> value;
};

// The columns of every sweep, then per fault class its rollback share ("p_rollback_oom-128mb").
std::vector<Column> metric_columns(const SweepReport& report) {
  std::vector<Column> columns = {
      {"runs", [](const CellMetrics& m) { return std::to_string(m.runs); }},
      {"bad_runs", [](const CellMetrics& m) { return std::to_string(m.bad_runs); }},
      {"good_runs", [](const CellMetrics& m) { return std::to_string(m.good_runs); }},
      {"p_rollback_bad", [](const CellMetrics& m) { return share_field(m.p_rollback_bad); }},
      {"p_false_rollback_good", [](const CellMetrics& m) { return share_field(m.p_false_rollback_good); }},
      {"detect_bad_p50_s", [](const CellMetrics& m) { return seconds_field(m.detect_bad.p50); }},
      {"detect_bad_p95_s", [](const CellMetrics& m) { return seconds_field(m.detect_bad.p95); }},
      {"detect_bad_p99_s", [](const CellMetrics& m) { return seconds_field(m.detect_bad.p99); }},
      {"rollback_bad_p50_s", [](const CellMetrics& m) { return seconds_field(m.rollback_bad.p50); }},
      {"rollback_bad_p95_s", [](const CellMetrics& m) { return seconds_field(m.rollback_bad.p95); }},
      {"rollback_bad_p99_s", [](const CellMetrics& m) { return seconds_field(m.rollback_bad.p99); }},
      {"complete_good_p50_s", [](const CellMetrics& m) { return seconds_field(m.complete_good.p50); }},
      {"complete_good_p95_s", [](const CellMetrics& m) { return seconds_field(m.complete_good.p95); }},
      {"complete_good_p99_s", [](const CellMetrics& m) { return seconds_field(m.complete_good.p99); }},
      {"below_desired_mean_s", [](const CellMetrics& m) { return fixed(m.below_desired_mean_s, 3); }},
      {"zero_healthy_mean_s", [](const CellMetrics& m) { return fixed(m.zero_healthy_mean_s, 3); }},
      {"task_hours_mean", [](const CellMetrics& m) { return fixed(m.task_hours_mean, 4); }},
      {"errors_bad_mean", [](const CellMetrics& m) { return fixed(m.errors_bad_mean, 1); }},
      {"errors_good_mean", [](const CellMetrics& m) { return fixed(m.errors_good_mean, 1); }},
  };
  for (std::size_t f = 0; f < report.fault_names.size(); ++f)
    columns.push_back({"p_rollback_" + report.fault_names[f],
                       [f](const CellMetrics& m) { return share_field(m.by_fault[f].p_rollback); }});
  return columns;
}

bool on_frontier(const SweepReport& r, int cell) {
  return std::find(r.frontier.begin(), r.frontier.end(), cell) != r.frontier.end();
}

}  // namespace

std::string seconds_field(const std::optional<sim::Millis>& t) {
  return t ? fixed(static_cast<double>(t->count()) / 1000.0, 3) : "";
}

SweepReport build_report(const SweepResult& complete) {
  SweepReport r;
  r.header = complete.header;
  for (const nlohmann::json& axis : r.header["axes"]) {
    r.axis_names.push_back(axis["name"].get<std::string>());
    r.axis_values.push_back(axis["values"].get<std::vector<nlohmann::json>>());
  }
  for (const nlohmann::json& axis : r.header["skippedAxes"])
    r.notes.push_back("Axis " + axis["name"].get<std::string>() + " (" + axis["pointer"].get<std::string>() +
                      ", values " + axis["values"].dump() +
                      ") was left out: this build of deploysim does not model that field (the scenario "
                      "loader lists it as ignored), so sweeping it would show a flat line, not a finding.");
  for (const nlohmann::json& fault : r.header["population"]["faults"])
    r.fault_names.push_back(fault["name"].get<std::string>());
  const auto runs_per_cell = r.header["runsPerCell"].get<std::int64_t>();
  const auto cells = r.header["cells"].get<std::int64_t>();
  for (std::int64_t c = 0; c < cells; ++c) {
    std::vector<int> at(r.axis_names.size());
    std::int64_t rest = c;
    std::string label;
    for (std::size_t i = at.size(); i-- > 0;) {
      at[i] = static_cast<int>(rest % static_cast<std::int64_t>(r.axis_values[i].size()));
      rest /= static_cast<std::int64_t>(r.axis_values[i].size());
    }
    for (std::size_t i = 0; i < at.size(); ++i)
      label += (i ? " " : "") + r.axis_names[i] + "=" + r.axis_values[i][at[i]].dump();
    r.coordinates.push_back(at);
    r.labels.push_back(label);
    r.cells.push_back(cell_metrics(std::span(complete.records).subspan(c * runs_per_cell, runs_per_cell),
                                   static_cast<int>(r.fault_names.size())));
  }
  r.frontier = pareto_frontier(r.cells);
  const double budget = r.header["falseRollbackBudgetPpm"].get<double>() / 1e6;
  r.recommendation = recommend(r.cells, r.frontier, r.labels, budget);
  return r;
}

void write_csv(std::ostream& out, const SweepReport& r) {
  out << "cell";
  for (const std::string& name : r.axis_names) out << "," << name;
  const std::vector<Column> columns = metric_columns(r);
  for (const Column& column : columns) out << "," << column.name;
  out << ",pareto,recommended\n";
  for (std::size_t c = 0; c < r.cells.size(); ++c) {
    out << c;
    for (std::size_t i = 0; i < r.axis_names.size(); ++i) out << "," << r.axis_values[i][r.coordinates[c][i]].dump();
    for (const Column& column : columns) out << "," << column.value(r.cells[c]);
    out << "," << (on_frontier(r, static_cast<int>(c)) ? 1 : 0) << ","
        << (r.recommendation.cell == static_cast<int>(c) ? 1 : 0) << "\n";
  }
}

nlohmann::json report_json(const SweepReport& r) {
  nlohmann::json cells = nlohmann::json::array();
  const std::vector<Column> columns = metric_columns(r);
  for (std::size_t c = 0; c < r.cells.size(); ++c) {
    nlohmann::json settings = nlohmann::json::object();
    for (std::size_t i = 0; i < r.axis_names.size(); ++i) settings[r.axis_names[i]] = r.axis_values[i][r.coordinates[c][i]];
    nlohmann::json metrics = nlohmann::json::object();
    for (const Column& column : columns) metrics[column.name] = json_number(column.value(r.cells[c]));
    cells.push_back({{"cell", c}, {"settings", settings}, {"metrics", metrics},
                     {"pareto", on_frontier(r, static_cast<int>(c))}});
  }
  return {{"sweep", r.header},
          {"notes", r.notes},
          {"cells", cells},
          {"frontier", r.frontier},
          {"recommendation",
           {{"cell", r.recommendation.cell}, {"summary", r.recommendation.summary},
            {"tradeOff", r.recommendation.trade_off}}}};
}

void print_summary(std::ostream& out, const SweepReport& r) {
  out << "sweep " << r.header["name"].get<std::string>() << ": " << r.cells.size() << " cells x "
      << r.header["runsPerCell"] << " deploys over " << r.header["scenario"].get<std::string>() << "\n";
  for (const std::string& note : r.notes) out << "note: " << note << "\n";
  out << "\nPareto frontier (time to roll back bad, false rollbacks of good, time below desired, 5xx per bad):\n";
  out << "  P(rb|bad)  P(rb|good)  rollback p95  below desired  5xx/bad  settings\n";
  // Cells with the same figures (a grace period the startPeriod already covers) share one row.
  std::vector<std::pair<std::string, std::vector<int>>> rows;
  for (int c : r.frontier) {
    const CellMetrics& m = r.cells[c];
    char line[192];
    std::snprintf(line, sizeof line, "  %9s  %10s  %12s  %13s  %7s  ", share_field(m.p_rollback_bad).c_str(),
                  share_field(m.p_false_rollback_good).c_str(), human_duration(m.rollback_bad.p95).c_str(),
                  (fixed(m.below_desired_mean_s, 1) + " s").c_str(), fixed(m.errors_bad_mean, 0).c_str());
    const auto same = std::find_if(rows.begin(), rows.end(), [&](const auto& row) { return row.first == line; });
    if (same == rows.end()) rows.push_back({line, {c}});
    else same->second.push_back(c);
  }
  for (const auto& [line, row_cells] : rows) {
    const bool recommended =
        std::find(row_cells.begin(), row_cells.end(), r.recommendation.cell) != row_cells.end();
    out << line << r.labels[recommended ? r.recommendation.cell : row_cells[0]];
    if (row_cells.size() > 1) out << " (and " << row_cells.size() - 1 << " more with the same figures)";
    out << (recommended ? "  <- recommended" : "") << "\n";
  }
  out << "\nrecommended: " << r.recommendation.summary << "\ntrade-off: " << r.recommendation.trade_off << "\n";
}

}  // namespace harness::sweep
