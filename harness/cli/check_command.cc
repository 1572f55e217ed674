#include "harness/cli/check_command.h"

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "harness/check/intent_check.h"
#include "harness/cli/scenario_input.h"
#include "harness/check/liveness_bounds.h"
#include "harness/cli/command_line.h"
#include "harness/cli/usage_error.h"
#include "harness/ci/github_actions.h"
#include "harness/lint/finding_locator.h"
#include "harness/report/junit.h"
#include "harness/report/markdown_table.h"
#include "harness/report/sarif.h"
#include "harness/scenario/scenario_loader.h"
#include "harness/scenario/scenario_writer.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct CheckFlags {
  std::string file;
  int runs = 0;
  std::int64_t seed = -1;
  std::string junit_path;
  std::string sarif_path;
  std::string out_dir = ".";
  ScenarioInputFlags input;
};

po::options_description check_options(CheckFlags& f) {
  po::options_description d(
      "deploysim check FILE [options]\n\n"
      "Explores the fault envelope FILE declares in its \"check\" section (slow starts, dependency\n"
      "blips, breaking faults) with rapidcheck, judges every run against the intents and the safety\n"
      "properties, and writes a shrunk counterexample scenario for each violated intent.\n"
      "Exit 0 when every intent holds, 1 on a violation, 2 on bad input.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("runs", po::value(&f.runs), "runs per intent (default: check.runs in FILE, else 100)")
      ("seed", po::value(&f.seed), "seed of the search (default: the scenario's seed)")
      ("junit", po::value(&f.junit_path), "write a JUnit XML report to this file")
      ("sarif", po::value(&f.sarif_path), "write SARIF 2.1.0 to this file: a result per violated intent")
      ("out", po::value(&f.out_dir), "directory for counterexample scenarios (default: .)");
  add_scenario_input_options(d, f.input);
  return d;
}

std::string counterexample_path(const CheckFlags& f, const sim::model::Scenario& s, std::size_t intent) {
  return (std::filesystem::path(f.out_dir) / (s.name + "-counterexample-" + std::to_string(intent + 1) + ".json"))
      .string();
}

void write_counterexample(const std::string& path, const sim::model::Scenario& replay) {
  std::ofstream out(path);
  if (!out) throw UsageError("check: cannot write the counterexample to " + path);
  out << harness::scenario::scenario_to_json(replay).dump(2) << "\n";
}

void print_verdict(const check::IntentVerdict& v, const std::string& written) {
  if (v.holds) {
    std::cout << "  HOLDS     \"" << v.intent.name << "\" (" << v.runs << " runs)\n";
    return;
  }
  std::cout << "  VIOLATED  \"" << v.intent.name << "\" at run " << v.runs << ": " << v.failure << "\n"
            << "    shrunk in " << v.shrink_steps << " steps (" << v.shrink_runs << " runs) to: "
            << check::describe(v.counterexample.faults) << ", seed " << v.counterexample.seed << "\n"
            << "    story: " << v.story << "\n"
            << "    counterexample: " << written << "\n"
            << "    replay: deploysim run " << written << "   why: deploysim explain " << written << "\n";
}

// The verdicts as JUnit, one case per intent: a violated intent fails with its story and the
// counterexample to replay. `written[i]` is verdict i's counterexample file ("" when it holds).
report::JunitSuite junit_suite(const std::string& scenario_name, const check::CheckReport& checked,
                               const std::vector<std::string>& written, double seconds) {
  report::JunitSuite suite{scenario_name, {}, seconds};
  for (std::size_t i = 0; i < checked.verdicts.size(); ++i) {
    const check::IntentVerdict& v = checked.verdicts[i];
    report::JunitCase& c = suite.cases.emplace_back();
    c.classname = "deploysim.check." + scenario_name;
    c.name = v.intent.name;
    c.system_out = std::to_string(v.runs) + " runs";
    if (v.holds) continue;
    c.result = report::JunitResult::failed;
    c.message = v.failure;
    c.type = "IntentViolated";
    c.details = v.story + "\nReplay: deploysim run " + written[i] + "; deploysim explain " + written[i];
  }
  return suite;
}

// A violated intent as SARIF, GitHub and the job summary see it: placed at the intent in the file.
struct Violation {
  std::string intent, text;
  lint::FindingPosition at;
};

std::vector<Violation> violations(const std::string& file, const check::CheckReport& checked,
                                  const std::vector<std::string>& written) {
  std::vector<Violation> out;
  lint::FindingLocator locator(file);
  for (std::size_t i = 0; i < checked.verdicts.size(); ++i) {
    const check::IntentVerdict& v = checked.verdicts[i];
    if (v.holds) continue;
    out.push_back({v.intent.name,
                   "intent \"" + v.intent.name + "\" violated: " + v.failure + ". " + v.story +
                       " Replay: deploysim run " + written[i],
                   locator.locate(file, "/check/intents/" + std::to_string(i))});
  }
  return out;
}

report::SarifRun check_sarif_run(const std::vector<Violation>& violated) {
  report::SarifRun run;
  run.tool_version = DEPLOYSIM_VERSION;
  run.rules.push_back({"check-intent-violated", "A run in the declared fault envelope violates an intent",
                       "deploysim check explored the faults the scenario's \"check\" section allows and found a "
                       "run that does not meet this intent; the counterexample scenario replays it (deploysim run, "
                       "deploysim explain). Change the configuration, or the intent if it asks too much.",
                       report::SarifLevel::error});
  for (const Violation& v : violated)
    run.results.push_back({"check-intent-violated", report::SarifLevel::error, v.text, v.at.file, v.at.line,
                           v.at.column, "/check/intents", v.intent});
  return run;
}

// Under GitHub Actions: an error annotation per violated intent, and the verdicts in the summary.
void report_to_github(const ci::GithubEnvironment& github, const std::string& file,
                      const check::CheckReport& checked, const std::vector<Violation>& violated) {
  std::vector<ci::Annotation> ranked;
  for (const Violation& v : violated)
    ranked.push_back({ci::AnnotationLevel::error, v.at.file, v.at.line, v.at.column, "deploysim check", v.text});
  ci::write_annotations(std::cout, github, ranked, "deploysim check");
  report::MarkdownTable table({"intent", "verdict", "runs", "what happened"});
  for (const check::IntentVerdict& v : checked.verdicts)
    table.add_row({v.intent.name, v.holds ? "✅ holds" : "❌ violated", std::to_string(v.runs),
                   v.holds ? "" : v.failure + ". " + v.story});
  ci::append_step_summary(github, "### deploysim check `" + file + "`\n\n" + table.render() + "\n");
}

// The worst cases the config allows, as a guide for the intents' times (liveness_bounds.h).
void print_bounds(const sim::model::Scenario& s) {
  const check::LivenessTerms t = check::liveness_terms(s);
  std::cout << "  bounds from the config (before faults): every new task failing ends within "
            << sim::format_seconds(check::failure_outcome_bound(t)) << "; a healthy start completes within "
            << sim::format_seconds(check::completion_bound(t)) << " (with a grace period of at least "
            << sim::format_seconds(check::grace_needed(s)) << ")\n";
}

}  // namespace

int check_command(const std::vector<std::string>& args) {
  CheckFlags f;
  po::options_description visible = check_options(f);
  const po::variables_map vm = parse_command_line("check", args, visible, f.file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (f.file.empty()) throw UsageError("check: a scenario FILE is required");
  if (vm.count("runs") && f.runs < 1) throw UsageError("check: --runs must be 1 or more");
  if (vm.count("seed") && f.seed < 0) throw UsageError("check: --seed must be 0 or more");
  const sim::model::Scenario s = load_scenario_or_default(f.file, f.input).scenario;
  if (!s.check)
    throw UsageError("check: " + f.file + " has no \"check\" section (the intents to check; see scenarios/README.md)");
  const int runs = vm.count("runs") ? f.runs : s.check->runs;
  const std::uint64_t seed = vm.count("seed") ? static_cast<std::uint64_t>(f.seed) : s.seed;

  // Wall-clock time is the harness's business (throughput), never the simulation's.
  const auto started = std::chrono::steady_clock::now();
  check::CheckReport report;
  try {
    report = check::check_intents(s, *s.check, runs, seed);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("check: ") + e.what());
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::cout << "check " << f.file << ": " << runs << " runs per intent from seed " << seed << "\n";
  print_bounds(s);
  std::vector<std::string> written(report.verdicts.size());
  for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
    if (!report.verdicts[i].holds) {
      written[i] = counterexample_path(f, s, i);
      write_counterexample(written[i], report.verdicts[i].replay);
    }
    print_verdict(report.verdicts[i], written[i]);
  }
  if (!f.junit_path.empty())
    write_output_file("check", f.junit_path, "JUnit report", [&](std::ostream& out) {
      report::write_junit(out, "deploysim check", {junit_suite(s.name, report, written, elapsed)});
    });
  const std::vector<Violation> violated = violations(f.file, report, written);
  if (!f.sarif_path.empty())
    write_output_file("check", f.sarif_path, "SARIF log",
                      [&](std::ostream& out) { out << report::sarif_log(check_sarif_run(violated)).dump(2) << "\n"; });
  const ci::GithubEnvironment github = ci::GithubEnvironment::from_environment();
  if (github.active) report_to_github(github, f.file, report, violated);
  char rate[96];
  std::snprintf(rate, sizeof rate, "check: %d simulated runs in %.3f s (%.0f runs/s)\n", report.total_runs, elapsed,
                elapsed > 0 ? report.total_runs / elapsed : 0.0);
  std::cerr << rate;
  return report.all_hold() ? 0 : 1;
}

}  // namespace harness::cli
