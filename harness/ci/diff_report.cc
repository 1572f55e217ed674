#include "harness/ci/diff_report.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "harness/lint/finding_locator.h"
#include "harness/lint/finding_report.h"
#include "harness/report/markdown_table.h"
#include "sim/observe/outcome.h"

namespace harness::ci {
namespace {

using sim::observe::Outcome;

std::optional<double> share(const ClassFigures& f, Outcome o) {
  return 100.0 * static_cast<double>(f.outcomes[static_cast<std::size_t>(o)]) / static_cast<double>(f.runs);
}

std::optional<double> seconds(const std::optional<sim::Millis>& t) {
  if (!t) return std::nullopt;
  return static_cast<double>(t->count()) / 1000.0;
}

// A row from one getter applied to both sides.
template <typename Get>
MeasureRow row(std::string id, std::string label, Unit unit, Better better, const ClassFigures& base,
               const ClassFigures& head, Get get) {
  return {std::move(id), std::move(label), unit, better, get(base), get(head)};
}

// `good`: the good deploys of a population, or the scenario as written (`as_written`), whose
// rollbacks --fail-on calls false rollbacks too: the change is meant to deploy.
std::vector<MeasureRow> class_rows(bool good, bool as_written, const ClassFigures& b, const ClassFigures& h) {
  const Better for_good = good ? Better::lower : Better::higher;
  std::vector<MeasureRow> rows = {
      row("completed", "COMPLETED", Unit::percent, good ? Better::higher : Better::lower, b, h,
          [](const ClassFigures& f) { return share(f, Outcome::completed); }),
      row(good ? "false-rollback" : "rollback",
          as_written ? "ROLLED_BACK" : good ? "ROLLED_BACK (false rollbacks)" : "ROLLED_BACK (caught)",
          Unit::percent, for_good, b, h, [](const ClassFigures& f) { return share(f, Outcome::rolled_back); }),
      row("failed", "FAILED (breaker, no rollback)", Unit::percent, Better::neither, b, h,
          [](const ClassFigures& f) { return share(f, Outcome::failed); }),
      row("stuck", "STUCK (no terminal state)", Unit::percent, Better::lower, b, h,
          [](const ClassFigures& f) { return share(f, Outcome::stuck); }),
      row("detect-p50", "time to first failed task p50", Unit::seconds, good ? Better::neither : Better::lower, b, h,
          [](const ClassFigures& f) { return seconds(f.detect_p50); }),
      row("detect-p95", "time to first failed task p95", Unit::seconds, good ? Better::neither : Better::lower, b, h,
          [](const ClassFigures& f) { return seconds(f.detect_p95); }),
      row("rollback-p50", "time to roll back p50", Unit::seconds, good ? Better::neither : Better::lower, b, h,
          [](const ClassFigures& f) { return seconds(f.rollback_p50); }),
      row("rollback-p95", "time to roll back p95", Unit::seconds, good ? Better::neither : Better::lower, b, h,
          [](const ClassFigures& f) { return seconds(f.rollback_p95); }),
      row("complete-p50", "time to complete p50", Unit::seconds, good ? Better::lower : Better::neither, b, h,
          [](const ClassFigures& f) { return seconds(f.complete_p50); }),
      row("complete-p95", "time to complete p95", Unit::seconds, good ? Better::lower : Better::neither, b, h,
          [](const ClassFigures& f) { return seconds(f.complete_p95); }),
      row("5xx", "5xx served per deploy", Unit::count, Better::lower, b, h,
          [](const ClassFigures& f) { return std::optional<double>(f.errors_mean); }),
      row("below-desired", "time below desired healthy per deploy", Unit::seconds, Better::lower, b, h,
          [](const ClassFigures& f) { return std::optional<double>(f.below_desired_mean_s); }),
      row("failed-tasks", "failed tasks per deploy", Unit::count, Better::lower, b, h,
          [](const ClassFigures& f) { return std::optional<double>(f.failed_tasks_mean); }),
      row("task-hours", "task-hours per deploy", Unit::hours, Better::lower, b, h,
          [](const ClassFigures& f) { return std::optional<double>(f.task_hours_mean); }),
  };
  return rows;
}

constexpr const char* kMeasureIds[] = {"completed", "false-rollback", "rollback", "failed", "stuck",
                                       "detect-p50", "detect-p95", "rollback-p50", "rollback-p95",
                                       "complete-p50", "complete-p95", "5xx", "below-desired",
                                       "failed-tasks", "task-hours"};

double as_number(const std::optional<double>& v) { return v ? *v : std::numeric_limits<double>::infinity(); }

std::string printf_string(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// "improves" / "regresses" / "" by the row's direction.
std::string verdict(const MeasureRow& r) {
  if (!r.changed() || r.better == Better::neither) return "";
  const bool lower = as_number(r.head) < as_number(r.base);
  return lower == (r.better == Better::lower) ? "better" : "worse";
}

std::string finding_line(const LintChange& c) {
  return std::string(c.added ? "added" : "removed") + " " + std::string(lint::to_string(c.finding.severity)) + " " +
         c.finding.rule + " at " + c.finding.pointer;
}

}  // namespace

bool MeasureRow::worse_by_more_than(double tolerance) const {
  if (better == Better::neither || !changed()) return false;
  const double b = as_number(base), h = as_number(head);
  if (std::isinf(b) && std::isinf(h)) return false;
  const double worse_by = better == Better::lower ? h - b : b - h;
  return worse_by > tolerance;
}

std::vector<ClassMeasures> diff_measures(const DeployDiff& diff) {
  std::vector<ClassMeasures> out;
  for (std::size_t c = 0; c < diff.population.class_names.size(); ++c) {
    const ClassFigures& b = diff.base.at(c);
    const ClassFigures& h = diff.head.at(c);
    if (b.runs == 0 || h.runs == 0) continue;
    const bool as_written = diff.population.source == DiffPopulation::Source::as_written;
    out.push_back({diff.population.class_names[c], b.runs, class_rows(c == 0, as_written, b, h)});
  }
  return out;
}

std::vector<FailOn> parse_fail_on(const std::string& text) {
  std::vector<FailOn> out;
  std::stringstream items(text);
  for (std::string item; std::getline(items, item, ',');) {
    if (item.empty()) continue;
    FailOn f;
    const std::size_t colon = item.find(':');
    f.id = item.substr(0, colon);
    bool known = false;
    for (const char* id : kMeasureIds) known = known || f.id == id;
    if (!known) {
      std::string ids;
      for (const char* id : kMeasureIds) ids += (ids.empty() ? "" : ", ") + std::string(id);
      throw std::invalid_argument("--fail-on \"" + item + "\": expected one of " + ids + " (optionally :TOLERANCE)");
    }
    if (colon != std::string::npos) {
      const std::string tolerance = item.substr(colon + 1);
      char* end = nullptr;
      f.tolerance = std::strtod(tolerance.c_str(), &end);
      if (tolerance.empty() || *end != '\0' || !(f.tolerance >= 0))
        throw std::invalid_argument("--fail-on \"" + item + "\": expected a tolerance >= 0 after ':', found \"" +
                                    tolerance + "\"");
    }
    out.push_back(f);
  }
  return out;
}

std::vector<Regression> regressions(const std::vector<ClassMeasures>& measures, const std::vector<FailOn>& fail_on) {
  std::vector<Regression> out;
  for (const FailOn& f : fail_on)
    for (const ClassMeasures& c : measures)
      for (const MeasureRow& r : c.rows)
        if (r.id == f.id && r.worse_by_more_than(f.tolerance)) out.push_back({c.name, r, f.tolerance});
  return out;
}

std::string format_value(const MeasureRow& row, const std::optional<double>& value) {
  if (!value) return "never";
  switch (row.unit) {
    case Unit::percent: return printf_string("%.1f %%", *value);
    case Unit::seconds: return printf_string("%.0f s", *value);
    case Unit::count: return printf_string(*value < 10 ? "%.2f" : *value < 100 ? "%.1f" : "%.0f", *value);
    case Unit::hours: return printf_string("%.3f h", *value);
  }
  return "";
}

std::string format_change(const MeasureRow& row) {
  if (!row.changed()) return "";
  if (!row.base || !row.head) return format_value(row, row.base) + " → " + format_value(row, row.head);
  const double d = *row.head - *row.base;
  switch (row.unit) {
    case Unit::percent: return printf_string("%+.1f pp", d);
    case Unit::seconds: return printf_string("%+.0f s", d);
    case Unit::count: return printf_string(std::abs(d) < 10 ? "%+.2f" : std::abs(d) < 100 ? "%+.1f" : "%+.0f", d);
    case Unit::hours: return printf_string("%+.3f h", d);
  }
  return "";
}

report::SarifRun diff_sarif_run(const DeployDiff& diff, const DiffSide& head,
                                const std::vector<Regression>& regressed) {
  lint::LintedFile added{head.path.string(), {}};
  for (const LintChange& c : diff.lint)
    if (c.added) added.findings.push_back(c.finding);
  report::SarifRun run = lint::lint_sarif_run({added});
  lint::FindingLocator locator(head.path);
  const lint::FindingPosition at =
      locator.locate(head.path, diff.settings.empty() ? std::string() : diff.settings.front().pointer);
  for (const Regression& r : regressed) {
    const std::string rule = "diff-" + r.row.id;
    bool described = false;
    for (const report::SarifRule& known : run.rules) described = described || known.id == rule;
    if (!described)
      run.rules.push_back({rule, "The change makes " + r.row.label + " worse",
                           "deploysim diff ran BASE and HEAD over the same population of deploys, and HEAD is worse "
                           "on this measure by more than the tolerance --fail-on gives it. The pull request's "
                           "comment (diff --markdown) has every measure; docs/ci.md explains them.",
                           report::SarifLevel::error});
    run.results.push_back({rule, report::SarifLevel::error,
                           r.class_name + ": " + r.row.label + " " + format_value(r.row, r.row.base) + " -> " +
                               format_value(r.row, r.row.head) + " (" + format_change(r.row) + ")",
                           at.file, at.line, at.column,
                           diff.settings.empty() ? std::string() : diff.settings.front().pointer, r.class_name});
  }
  return run;
}

void print_diff_text(std::ostream& out, const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                     const std::vector<Regression>& regressed, const std::vector<FailOn>& fail_on) {
  out << "deploysim diff: BASE " << diff.base_label << " -> HEAD " << diff.head_label << "\n"
      << "population: " << diff.population.description << "\n\nsettings that differ:\n";
  if (diff.settings.empty()) out << "  none\n";
  for (const train::SettingDiff& s : diff.settings)
    out << "  " << s.pointer << ": " << (s.before.empty() ? "(absent)" : s.before) << " -> "
        << (s.after.empty() ? "(absent)" : s.after) << "\n";
  out << "\nlint:" << (diff.lint.empty() ? " no finding added or removed" : "") << "\n";
  for (const LintChange& c : diff.lint) out << "  " << finding_line(c) << "\n";
  for (const ClassMeasures& c : measures) {
    out << "\n" << c.name << " (" << c.runs << " deploys):\n";
    for (const MeasureRow& r : c.rows) {
      if (!r.base && !r.head && r.unit == Unit::seconds) continue;
      char line[256];
      std::snprintf(line, sizeof line, "  %-40s %12s %12s  %s", r.label.c_str(), format_value(r, r.base).c_str(),
                    format_value(r, r.head).c_str(), format_change(r).c_str());
      std::string text = line;
      if (const std::string v = verdict(r); !v.empty()) text += " (" + v + ")";
      out << text << "\n";
    }
  }
  out << "\n";
  if (fail_on.empty()) {
    out << "verdict: no --fail-on measures named\n";
    return;
  }
  if (regressed.empty()) out << "verdict: HEAD is no worse than BASE on the --fail-on measures\n";
  for (const Regression& r : regressed)
    out << "verdict: HEAD is worse on " << r.row.id << " (" << r.class_name << "): " << format_value(r.row, r.row.base)
        << " -> " << format_value(r.row, r.row.head) << ", tolerance " << r.tolerance << "\n";
}

nlohmann::json diff_json(const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                         const std::vector<Regression>& regressed) {
  nlohmann::json settings = nlohmann::json::array(), lint = nlohmann::json::array(), classes = nlohmann::json::array();
  for (const train::SettingDiff& s : diff.settings)
    settings.push_back({{"pointer", s.pointer}, {"base", s.before}, {"head", s.after}});
  for (const LintChange& c : diff.lint)
    lint.push_back({{"change", c.added ? "added" : "removed"},
                    {"severity", lint::to_string(c.finding.severity)},
                    {"rule", c.finding.rule},
                    {"pointer", c.finding.pointer},
                    {"message", c.finding.message}});
  const auto value = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json("never"); };
  for (const ClassMeasures& c : measures) {
    nlohmann::json rows = nlohmann::json::array();
    for (const MeasureRow& r : c.rows)
      rows.push_back({{"id", r.id}, {"label", r.label}, {"base", value(r.base)}, {"head", value(r.head)},
                      {"change", format_change(r)}, {"verdict", verdict(r)}});
    classes.push_back({{"name", c.name}, {"runs", c.runs}, {"measures", rows}});
  }
  nlohmann::json worse = nlohmann::json::array();
  for (const Regression& r : regressed)
    worse.push_back({{"id", r.row.id}, {"class", r.class_name}, {"tolerance", r.tolerance}});
  return {{"base", diff.base_label}, {"head", diff.head_label}, {"population", diff.population.description},
          {"settings", settings}, {"lint", lint}, {"classes", classes}, {"regressions", worse}};
}

std::string diff_markdown(const DeployDiff& diff, const std::vector<ClassMeasures>& measures,
                          const std::vector<Regression>& regressed, const std::vector<FailOn>& fail_on) {
  std::ostringstream out;
  out << "### deploysim diff: `" << diff.base_label << "` → `" << diff.head_label << "`\n\n";
  if (!fail_on.empty())
    out << (regressed.empty() ? "✅ HEAD is no worse than BASE on the `--fail-on` measures.\n\n"
                              : "❌ HEAD is worse than BASE on " + std::to_string(regressed.size()) +
                                    " `--fail-on` measure" + (regressed.size() == 1 ? "" : "s") + ".\n\n");
  report::MarkdownTable settings({"setting", "BASE", "HEAD"});
  for (const train::SettingDiff& s : diff.settings)
    settings.add_row(
        {"`" + s.pointer + "`", s.before.empty() ? "(absent)" : s.before, s.after.empty() ? "(absent)" : s.after});
  out << "**Settings that differ**" << (diff.settings.empty() ? ": none\n\n" : "\n\n" + settings.render() + "\n");
  if (!diff.lint.empty()) {
    out << "**Lint**\n\n";
    for (const LintChange& c : diff.lint)
      out << "- " << (c.added ? "➕ added" : "➖ removed") << " " << lint::to_string(c.finding.severity) << " `"
          << c.finding.rule << "` at `" << c.finding.pointer << "`\n";
    out << "\n";
  }
  out << "Simulated over " << diff.population.description << ".\n\n";
  for (const ClassMeasures& c : measures) {
    using report::Align;
    report::MarkdownTable table({"measure", "BASE", "HEAD", "change"},
                                {Align::left, Align::right, Align::right, Align::right});
    for (const MeasureRow& r : c.rows) {
      if (!r.changed()) continue;
      const std::string v = verdict(r);
      table.add_row({r.label, format_value(r, r.base), format_value(r, r.head),
                     (v == "worse" ? "🔴 " : v == "better" ? "🟢 " : "") + format_change(r)});
    }
    out << "**" << c.name << "** (" << c.runs << " deploys)";
    if (table.rows() == 0) {
      out << ": no measure changed\n\n";
      continue;
    }
    out << "\n\n" << table.render() << "\n";
  }
  for (const Regression& r : regressed)
    out << "- ❌ `" << r.row.id << "` (" << r.class_name << "): " << format_value(r.row, r.row.base) << " → "
        << format_value(r.row, r.row.head) << ", tolerance " << r.tolerance << "\n";
  return out.str();
}

}  // namespace harness::ci
