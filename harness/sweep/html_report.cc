#include "harness/sweep/html_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "harness/report/html_page.h"
#include "harness/report/markup_escape.h"
#include "harness/report/svg_heat_map.h"
#include "harness/report/svg_line_chart.h"
#include "harness/report/svg_scatter_plot.h"

namespace harness::sweep {
namespace {

using report::escape_markup;

constexpr const char* kSweepStyle =
    "body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}"
    "svg{margin:4px;border:1px solid #ddd}table{border-collapse:collapse;font-size:12px}"
    "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}.note{background:#fff4d6;padding:.5em}"
    ".rec{background:#e8f4e8;padding:.5em}";

std::optional<double> seconds(const std::optional<sim::Millis>& t) {
  if (!t) return std::nullopt;
  return static_cast<double>(t->count()) / 1000.0;
}

std::optional<double> percent(const std::optional<double>& share) {
  if (!share) return std::nullopt;
  return *share * 100;
}

struct Metric {
  std::string name;
  std::optional<double> (*value)(const CellMetrics&);
};

const std::vector<Metric>& plotted_metrics() {
  static const std::vector<Metric> metrics = {
      {"bad deploys rolled back (%)", [](const CellMetrics& m) { return percent(m.p_rollback_bad); }},
      {"good deploys rolled back (%)", [](const CellMetrics& m) { return percent(m.p_false_rollback_good); }},
      {"time to roll back bad, p95 (s)", [](const CellMetrics& m) { return seconds(m.rollback_bad.p95); }},
      {"time to detect bad, p50 (s)", [](const CellMetrics& m) { return seconds(m.detect_bad.p50); }},
      {"time to complete good, p50 (s)", [](const CellMetrics& m) { return seconds(m.complete_good.p50); }},
      {"below desired healthy per deploy (s)",
       [](const CellMetrics& m) { return std::optional<double>(m.below_desired_mean_s); }},
      {"5xx served to users per bad deploy",
       [](const CellMetrics& m) { return std::optional<double>(m.errors_bad_mean); }},
  };
  return metrics;
}

constexpr std::size_t kFalseRollbacks = 1, kRollbackP95 = 2, kBelowDesired = 5, kErrorsPerBad = 6;

bool serves_traffic(const SweepReport& r) {
  return std::any_of(r.cells.begin(), r.cells.end(), [](const CellMetrics& m) {
    return m.errors_bad_mean > 0 || m.errors_good_mean > 0;
  });
}

std::vector<std::string> value_labels(const SweepReport& r, std::size_t axis) {
  std::vector<std::string> labels;
  for (const nlohmann::json& v : r.axis_values[axis]) labels.push_back(v.dump());
  return labels;
}

// The cell with the recommended cell's values on every axis except `changed`, set to `value`.
int cell_at(const SweepReport& r, const std::vector<std::pair<std::size_t, int>>& changed) {
  std::vector<int> at = r.coordinates[r.recommendation.cell];
  for (const auto& [axis, value] : changed) at[axis] = value;
  int cell = 0;
  for (std::size_t i = 0; i < at.size(); ++i) cell = cell * static_cast<int>(r.axis_values[i].size()) + at[i];
  return cell;
}

std::string others_fixed(const SweepReport& r, const std::vector<std::size_t>& free_axes) {
  std::string text;
  for (std::size_t i = 0; i < r.axis_names.size(); ++i) {
    if (std::find(free_axes.begin(), free_axes.end(), i) != free_axes.end()) continue;
    text += (text.empty() ? " (" : ", ") + r.axis_names[i] + "=" + r.axis_values[i][r.coordinates[r.recommendation.cell][i]].dump();
  }
  return text.empty() ? "" : text + ")";
}

std::string heat_map_of(const SweepReport& r, const Metric& metric, const char* format, const std::string& missing) {
  std::vector<std::vector<std::optional<double>>> grid;
  for (std::size_t y = 0; y < r.axis_values[1].size(); ++y) {
    grid.emplace_back();
    for (std::size_t x = 0; x < r.axis_values[0].size(); ++x)
      grid.back().push_back(metric.value(r.cells[cell_at(r, {{0, static_cast<int>(x)}, {1, static_cast<int>(y)}})]));
  }
  return report::heat_map(metric.name + others_fixed(r, {0, 1}), r.axis_names[0], value_labels(r, 0), r.axis_names[1],
                  value_labels(r, 1), grid, format, missing);
}

// Which kinds of fault `axis` catches: one line per fault class, the share of its bad deploys
// rolled back, with the other axes at the recommended cell's values.
std::string by_fault_chart(const SweepReport& r, std::size_t axis) {
  std::vector<report::LineSeries> series;
  for (std::size_t f = 0; f < r.fault_names.size(); ++f) {
    series.push_back({r.fault_names[f], {}});
    for (std::size_t v = 0; v < r.axis_values[axis].size(); ++v)
      series.back().values.push_back(
          percent(r.cells[cell_at(r, {{axis, static_cast<int>(v)}})].by_fault[f].p_rollback));
  }
  const std::string name = "bad deploys rolled back, by fault (%)";
  return report::line_chart(name, r.axis_names[axis], value_labels(r, axis), name, series);
}

void write_table(std::ostream& out, const SweepReport& r) {
  std::ostringstream csv;
  write_csv(csv, r);
  out << "<table>";
  std::istringstream lines(csv.str());
  bool header = true;
  for (std::string line; std::getline(lines, line); header = false) {
    out << "<tr>";
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');)
      out << (header ? "<th>" : "<td>") << escape_markup(field.empty() ? "never" : field) << (header ? "</th>" : "</td>");
    out << "</tr>\n";
  }
  out << "</table>";
}

}  // namespace

std::string frontier_svg(const SweepReport& r) {
  std::vector<report::ScatterPoint> points;
  int never = 0;
  for (std::size_t c = 0; c < r.cells.size(); ++c) {
    const auto x = seconds(r.cells[c].rollback_bad.p95);
    if (!x) {
      ++never;
      continue;
    }
    const bool frontier = std::find(r.frontier.begin(), r.frontier.end(), static_cast<int>(c)) != r.frontier.end();
    points.push_back({*x, percent(r.cells[c].p_false_rollback_good).value_or(0), r.labels[c], frontier,
                      static_cast<int>(c) == r.recommendation.cell});
  }
  const std::string title = "Settings: rollback speed vs false rollbacks" +
                            (never ? " (" + std::to_string(never) + " cells never roll back at p95, not shown)" : "");
  return report::scatter_plot(title, "time to roll back a bad deploy, p95 (s)", "good deploys rolled back (%)", points);
}

std::string heat_map_svg(const SweepReport& r) {
  if (r.axis_names.size() < 2 || r.recommendation.cell < 0) return "";
  return heat_map_of(r, plotted_metrics()[kFalseRollbacks], "%.1f", "n/a");
}

std::string errors_heat_map_svg(const SweepReport& r) {
  if (r.axis_names.size() < 2 || r.recommendation.cell < 0 || !serves_traffic(r)) return "";
  return heat_map_of(r, plotted_metrics()[kErrorsPerBad], "%.0f", "n/a");
}

namespace {

// The page's content: the sweep's story, the charts and the table of every cell.
void write_body(std::ostream& out, const SweepReport& r) {
  const std::string name = r.header["name"].get<std::string>();
  out << "<h1>deploysim sweep: " << escape_markup(name) << "</h1>\n<p>" << escape_markup(r.header["description"].get<std::string>())
      << "</p>\n<p>Base scenario <code>" << escape_markup(r.header["scenario"].get<std::string>()) << "</code>, "
      << r.cells.size() << " cells x " << r.header["runsPerCell"] << " deploys, seed " << r.header["seed"]
      << ". Deploy <i>r</i> is the same deploy (fault, start-up, blips, seed) in every cell.</p>\n";
  for (const std::string& note : r.notes) out << "<p class=\"note\">Note: " << escape_markup(note) << "</p>\n";
  if (r.recommendation.cell >= 0)
    out << "<p class=\"rec\"><b>Recommended:</b> " << escape_markup(r.recommendation.summary) << ".<br><b>Trade-off:</b> "
        << escape_markup(r.recommendation.trade_off) << "</p>\n";
  out << "<h2>Pareto frontier</h2>\n" << frontier_svg(r) << "\n";
  if (r.axis_names.size() >= 2 && r.recommendation.cell >= 0) {
    out << "<h2>Heat maps: " << escape_markup(r.axis_names[0]) << " x " << escape_markup(r.axis_names[1]) << "</h2>\n";
    out << heat_map_svg(r) << heat_map_of(r, plotted_metrics()[kRollbackP95], "%.0f", "never")
        << heat_map_of(r, plotted_metrics()[kBelowDesired], "%.0f", "n/a") << errors_heat_map_svg(r) << "\n";
  }
  if (r.recommendation.cell >= 0) {
    for (std::size_t axis = 0; axis < r.axis_names.size(); ++axis) {
      out << "<h2>Against " << escape_markup(r.axis_names[axis]) << others_fixed(r, {axis}) << "</h2>\n";
      for (const Metric& metric : plotted_metrics()) {
        report::LineSeries series{metric.name, {}};
        for (std::size_t v = 0; v < r.axis_values[axis].size(); ++v)
          series.values.push_back(metric.value(r.cells[cell_at(r, {{axis, static_cast<int>(v)}})]));
        out << report::line_chart(metric.name, r.axis_names[axis], value_labels(r, axis), metric.name, {series});
      }
      if (r.fault_names.size() > 1) out << by_fault_chart(r, axis);
      out << "\n";
    }
  }
  out << "<h2>All cells</h2>\n<p>Times in seconds from the deploy's start; \"never\": not within the horizon "
         "for that share of runs.</p>\n";
  write_table(out, r);
  out << "\n";
}

}  // namespace

void write_html(std::ostream& out, const SweepReport& r) {
  std::ostringstream body;
  write_body(body, r);
  report::write_html_page(out, {"deploysim sweep: " + r.header["name"].get<std::string>(), kSweepStyle, {}, body.str(), {}});
}

}  // namespace harness::sweep
