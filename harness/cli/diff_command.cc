#include "harness/cli/diff_command.h"

#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "harness/ci/deploy_diff.h"
#include "harness/ci/diff_report.h"
#include "harness/ci/github_actions.h"
#include "harness/cli/command_line.h"
#include "harness/cli/usage_error.h"
#include "harness/lint/finding_locator.h"
#include "harness/report/junit.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct DiffFlags {
  std::vector<std::string> files;
  std::string base_ref;
  std::string sweep_file;
  bool as_written = false;
  int runs = 0;
  int threads = 0;
  std::string fail_on;
  bool json = false;
  bool markdown = false;
  std::string markdown_path;
  std::string junit_path;
  std::string sarif_path;
};

po::options_description diff_options(DiffFlags& f) {
  po::options_description d(
      "deploysim diff BASE HEAD [options]\n"
      "deploysim diff --base-ref REF HEAD [options]\n\n"
      "Runs two versions of a service's deployment over the same population of deploys: a\n"
      "sweep's (--sweep), else BASE's check envelope (the cases `check` draws: slow starts,\n"
      "dependency blips, breaking faults), else the scenario as written with one seed each;\n"
      "it reports what changed per class of deploy: outcome shares, times to the first failed\n"
      "task, to roll back and to complete (p50, p95), 5xx served, time below desired healthy,\n"
      "task-hours; with the settings that differ and the lint findings added and removed.\n"
      "Exit 1 when HEAD is worse on a --fail-on measure, 0 otherwise, 2 on bad input.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("base-ref", po::value(&f.base_ref), "read BASE from git: HEAD's file as of this commit")
      ("sweep", po::value(&f.sweep_file), "use this sweep file's population (good and bad deploys)")
      ("as-written", po::bool_switch(&f.as_written),
       "run the scenarios as written (one seed per deploy) even when BASE has a check envelope")
      ("runs", po::value(&f.runs), "deploys per side (default: the sweep's runsPerCell, else 200)")
      ("threads", po::value(&f.threads), "threads (default: all cores; the figures do not change)")
      ("fail-on", po::value(&f.fail_on),
       "exit 1 when HEAD is worse on these measures: ID[:TOLERANCE],... (false-rollback,\n"
       "rollback, detect-p95, rollback-p95, complete-p95, stuck, 5xx, below-desired,\n"
       "failed-tasks, task-hours, ...; tolerance in percentage points, seconds or units)")
      ("json", po::bool_switch(&f.json), "print JSON")
      ("markdown", po::bool_switch(&f.markdown), "print the Markdown pull-request comment")
      ("markdown-file", po::value(&f.markdown_path), "also write the Markdown comment to this file")
      ("junit", po::value(&f.junit_path), "write a JUnit XML report (a case per --fail-on measure)")
      ("sarif", po::value(&f.sarif_path), "write SARIF 2.1.0: lint findings HEAD adds, and regressions");
  return d;
}

report::JunitSuite junit_suite(const ci::DeployDiff& diff, const std::vector<ci::FailOn>& fail_on,
                               const std::vector<ci::Regression>& regressed) {
  report::JunitSuite suite{diff.head_label, {}, 0};
  for (const ci::FailOn& f : fail_on) {
    report::JunitCase& c = suite.cases.emplace_back();
    c.classname = "deploysim.diff." + diff.head_label;
    c.name = f.id;
    for (const ci::Regression& r : regressed) {
      if (r.row.id != f.id) continue;
      c.result = report::JunitResult::failed;
      c.type = "Regression";
      const std::string line = r.class_name + ": " + ci::format_value(r.row, r.row.base) + " -> " +
                               ci::format_value(r.row, r.row.head) + " (" + ci::format_change(r.row) + ")";
      if (c.message.empty()) c.message = line;
      c.details += line + "\n";
    }
  }
  return suite;
}

// "0", "1.5": a tolerance as the user wrote it.
std::string tolerance_text(double tolerance) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", tolerance);
  return text;
}

// Under GitHub Actions: the comment in the job summary, the step output "worse", and with the text
// report (`annotate`; JSON or Markdown on standard output must stay clean for whoever reads it) an
// error annotation per regression at the first setting HEAD changed.
void report_to_github(const ci::GithubEnvironment& github, const ci::DeployDiff& diff, const ci::DiffSide& head,
                      const std::vector<ci::Regression>& regressed, const std::string& markdown, bool annotate) {
  ci::append_step_summary(github, markdown);
  ci::set_step_output(github, "worse", regressed.empty() ? "false" : "true");
  if (!annotate) return;
  std::vector<ci::Annotation> ranked;
  lint::FindingLocator locator(head.path);
  const lint::FindingPosition at =
      locator.locate(head.path, diff.settings.empty() ? std::string() : diff.settings.front().pointer);
  for (const ci::Regression& r : regressed)
    ranked.push_back({ci::AnnotationLevel::error, at.file, at.line, at.column, "deploysim diff: " + r.row.id,
                      r.class_name + ": " + r.row.label + " " + ci::format_value(r.row, r.row.base) + " -> " +
                          ci::format_value(r.row, r.row.head) + " (tolerance " + tolerance_text(r.tolerance) + ")"});
  ci::write_annotations(std::cout, github, ranked, "deploysim diff");
}

}  // namespace

int diff_command(const std::vector<std::string>& args) {
  DiffFlags f;
  const po::options_description options = diff_options(f);
  const po::variables_map vm = parse_command_line("diff", args, options, f.files);
  if (printed_help(vm, options)) return 0;
  const std::size_t wanted = f.base_ref.empty() ? 2 : 1;
  if (f.files.size() != wanted)
    throw UsageError(f.base_ref.empty() ? "diff: BASE and HEAD scenario files are required"
                                        : "diff: with --base-ref, one HEAD scenario file is required");
  if (vm.count("runs") && (f.runs < 1 || f.runs > 1000000)) throw UsageError("diff: --runs must be 1-1000000");
  if (f.json && f.markdown) throw UsageError("diff: --json and --markdown exclude each other");
  std::vector<ci::FailOn> fail_on;
  try {
    fail_on = ci::parse_fail_on(f.fail_on);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("diff: ") + e.what());
  }
  const ci::DiffSide base =
      f.base_ref.empty() ? ci::read_side(f.files[0]) : ci::read_side_from_git(f.base_ref, f.files[0]);
  const ci::DiffSide head = ci::read_side(f.files.back());
  ci::require_same_service(base, head);
  const ci::DiffPopulation population = ci::diff_population(
      f.sweep_file, vm.count("runs") ? std::optional<int>(f.runs) : std::nullopt, f.as_written, base, head);
  const int threads = f.threads > 0 ? f.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const ci::DeployDiff diff = ci::diff_deploys(base, head, population, threads);
  const std::vector<ci::ClassMeasures> measures = ci::diff_measures(diff);
  const std::vector<ci::Regression> regressed = ci::regressions(measures, fail_on);
  const std::string markdown = ci::diff_markdown(diff, measures, regressed, fail_on);
  if (f.json) std::cout << ci::diff_json(diff, measures, regressed).dump(2) << "\n";
  else if (f.markdown) std::cout << markdown;
  else ci::print_diff_text(std::cout, diff, measures, regressed, fail_on);
  if (!f.markdown_path.empty())
    write_output_file("diff", f.markdown_path, "Markdown comment", [&](std::ostream& out) { out << markdown; });
  if (!f.junit_path.empty())
    write_output_file("diff", f.junit_path, "JUnit report", [&](std::ostream& out) {
      report::write_junit(out, "deploysim diff", {junit_suite(diff, fail_on, regressed)});
    });
  if (!f.sarif_path.empty())
    write_output_file("diff", f.sarif_path, "SARIF log", [&](std::ostream& out) {
      report::SarifRun run = ci::diff_sarif_run(diff, head, regressed);
      run.tool_version = DEPLOYSIM_VERSION;
      out << report::sarif_log(run).dump(2) << "\n";
    });
  const ci::GithubEnvironment github = ci::GithubEnvironment::from_environment();
  if (github.active) report_to_github(github, diff, head, regressed, markdown, !f.json && !f.markdown);
  return regressed.empty() ? 0 : 1;
}

}  // namespace harness::cli
