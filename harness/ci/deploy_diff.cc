#include "harness/ci/deploy_diff.h"

#include <algorithm>
#include <cstdio>
#include <sys/wait.h>

#include "harness/check/explorer.h"
#include "harness/check/fault_generators.h"
#include "harness/check/intent_check.h"
#include "harness/lint/lint.h"
#include "harness/report/percentile.h"
#include "harness/scenario/document.h"
#include "harness/scenario/scenario_loader.h"
#include "harness/sweep/sweep_reader.h"
#include "harness/sweep/sweep_runner.h"
#include "sim/observe/outcome.h"
#include "sim/simulation.h"

namespace harness::ci {
namespace {

using scenario::ScenarioError;

DiffSide side_of(const scenario::Document& document, const scenario::Loaded& loaded, std::string label,
                 std::filesystem::path path) {
  return {std::move(label), std::move(path), document.root(), loaded.scenario,
          lint::lint(loaded.scenario, lint::SourceMap(document))};
}

// A shell word: 'text' with every ' written as '\''.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What `git show REF:./NAME` prints in `dir`, or nullopt with git's complaint in `error`.
std::optional<std::string> git_show(const std::filesystem::path& dir, const std::string& ref, const std::string& name,
                                    std::string& error) {
  const std::string command = "git -C " + quoted(dir.empty() ? "." : dir.string()) + " show " +
                              quoted(ref + ":./" + name) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    error = "git could not be started";
    return std::nullopt;
  }
  std::string output;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status == 0) return output;
  error = output.substr(0, output.find('\n'));
  if (error.empty()) error = "git exited with status " + std::to_string(WEXITSTATUS(status));
  return std::nullopt;
}

std::optional<sim::Millis> reached(std::int64_t ms) {
  if (ms < 0) return std::nullopt;
  return sim::Millis{ms};
}

bool same_finding(const lint::Finding& a, const lint::Finding& b) {
  return a.rule == b.rule && a.pointer == b.pointer && a.file_pointer == b.file_pointer;
}

// Findings of `from` that `to` does not have.
std::vector<lint::Finding> missing_in(const std::vector<lint::Finding>& from, const std::vector<lint::Finding>& to) {
  std::vector<lint::Finding> out;
  for (const lint::Finding& f : from) {
    bool found = false;
    for (const lint::Finding& g : to) found = found || same_finding(f, g);
    if (!found) out.push_back(f);
  }
  return out;
}

// The cases `deploysim check` would draw from BASE's envelope: good deploys (slow starts, blips)
// and bad ones (a breaking fault that applies to both sides), one rapidcheck stream from the seed.
void draw_envelope_cases(const DiffSide& base, const DiffSide& head, DiffPopulation& out) {
  const sim::model::FaultEnvelope& envelope = base.scenario.check->envelope;
  const std::vector<sim::model::BreakingFault> in_head = check::breaking_in_envelope(head.scenario, envelope);
  for (const sim::model::BreakingFault f : check::breaking_in_envelope(base.scenario, envelope)) {
    if (std::find(in_head.begin(), in_head.end(), f) == in_head.end()) continue;
    out.breaking.push_back(f);
    out.class_names.push_back(std::string(check::to_string(f)));
  }
  out.class_names[0] = "good deploys";
  const auto deploys = out.breaking.empty() ? sim::model::DeployClass::good : sim::model::DeployClass::any;
  const rc::Gen<check::CheckCase> gen = check::gen_check_case(envelope, out.breaking, deploys);
  rc::Random random(out.seed);
  for (int i = 0; i < out.runs; ++i) out.cases.push_back(gen(random.split(), check::kGenerationSize).value());
}

// The side's records over the drawn cases, each case's class its breaking fault's index.
std::vector<sweep::RunRecord> run_cases(const DiffSide& side, const DiffPopulation& population) {
  std::vector<sweep::RunRecord> records;
  for (const check::CheckCase& c : population.cases) {
    sweep::RunRecord& r = records.emplace_back(
        sweep::run_record(sim::Simulation(check::case_scenario(side.scenario, c), {.trace = false}).run()));
    if (c.faults.breaking) {
      const auto at = std::find(population.breaking.begin(), population.breaking.end(), *c.faults.breaking);
      r.fault = static_cast<int>(at - population.breaking.begin());
    }
  }
  return records;
}

}  // namespace

DiffSide read_side(const std::string& path) {
  const scenario::Loaded loaded = scenario::load_scenario_file(path);
  const scenario::Document document = scenario::Document::from_file(path);
  return side_of(document, loaded, path, path);
}

DiffSide read_side_from_git(const std::string& ref, const std::string& path) {
  const std::filesystem::path file(path);
  std::string error;
  const std::optional<std::string> text = git_show(file.parent_path(), ref, file.filename().string(), error);
  if (!text) throw ScenarioError(path, "", "a file in git ref " + ref, error);
  const std::string label = ref + ":" + path;
  const scenario::Loaded loaded = scenario::load_scenario_text(*text, label, file.parent_path());
  const scenario::Document document(label, *text, file.parent_path());
  return side_of(document, loaded, label, path);
}

void require_same_service(const DiffSide& base, const DiffSide& head) {
  const sim::model::ServiceConfig& b = base.scenario.service;
  const sim::model::ServiceConfig& h = head.scenario.service;
  if (b.name == h.name && b.cluster == h.cluster) return;
  throw ScenarioError(head.label, "/service",
                      "the service BASE deploys (" + b.name + " in cluster " + b.cluster +
                          "): a diff compares two versions of one service",
                      h.name + " in cluster " + h.cluster);
}

DiffPopulation diff_population(const std::string& sweep_file, std::optional<int> runs, bool as_written,
                               const DiffSide& base, const DiffSide& head) {
  DiffPopulation out;
  out.class_names = {"as written"};
  if (sweep_file.empty() && !as_written && base.scenario.check) {
    out.source = DiffPopulation::Source::check_envelope;
    out.runs = runs.value_or(out.runs);
    out.seed = base.scenario.seed;
    draw_envelope_cases(base, head, out);
    out.description = std::to_string(out.runs) + " deploys drawn from the check envelope of " + base.label +
                      " (seed " + std::to_string(out.seed) + "), the same for BASE and HEAD";
    return out;
  }
  if (!sweep_file.empty()) {
    const sweep::SweepSpec spec = sweep::read_sweep_file(sweep_file);
    out.source = DiffPopulation::Source::sweep;
    out.sweep_file = sweep_file;
    out.population = spec.population;
    out.seed = spec.seed;
    out.runs = spec.runs_per_cell;
    out.class_names = {"good deploys"};
    for (const sweep::FaultClass& fault : spec.population.faults) out.class_names.push_back(fault.name);
  }
  if (runs) out.runs = *runs;
  const std::string which = sweep_file.empty() ? "of each scenario as written, one seed each"
                                                : "of the population of " + sweep_file + " (seed " +
                                                      std::to_string(out.seed) + ")";
  out.description = std::to_string(out.runs) + " deploys " + which + ", the same for BASE and HEAD";
  return out;
}

std::vector<ClassFigures> class_figures(const std::vector<sweep::RunRecord>& records, std::size_t classes) {
  std::vector<ClassFigures> out(classes);
  std::vector<std::vector<std::optional<sim::Millis>>> detect(classes), rollback(classes), complete(classes);
  constexpr int kRolledBack = static_cast<int>(sim::observe::Outcome::rolled_back);
  constexpr int kCompleted = static_cast<int>(sim::observe::Outcome::completed);
  for (const sweep::RunRecord& r : records) {
    const auto c = static_cast<std::size_t>(r.fault + 1);
    ClassFigures& f = out.at(c);
    ++f.runs;
    ++f.outcomes.at(static_cast<std::size_t>(r.outcome));
    detect[c].push_back(reached(r.detect_ms));
    rollback[c].push_back(reached(r.outcome == kRolledBack ? r.outcome_ms : -1));
    complete[c].push_back(reached(r.outcome == kCompleted ? r.outcome_ms : -1));
    f.errors_mean += static_cast<double>(r.errors_served);
    f.below_desired_mean_s += static_cast<double>(r.below_desired_ms) / 1000.0;
    f.task_hours_mean += static_cast<double>(r.task_ms) / 3.6e6;
    f.failed_tasks_mean += r.failed_tasks;
  }
  for (std::size_t c = 0; c < classes; ++c) {
    ClassFigures& f = out[c];
    if (f.runs == 0) continue;
    const report::TimesToEvent d(std::move(detect[c])), r(std::move(rollback[c])), k(std::move(complete[c]));
    f.detect_p50 = d.percentile(50), f.detect_p95 = d.percentile(95);
    f.rollback_p50 = r.percentile(50), f.rollback_p95 = r.percentile(95);
    f.complete_p50 = k.percentile(50), f.complete_p95 = k.percentile(95);
    const auto n = static_cast<double>(f.runs);
    f.errors_mean /= n, f.below_desired_mean_s /= n, f.task_hours_mean /= n, f.failed_tasks_mean /= n;
  }
  return out;
}

std::vector<sweep::RunRecord> run_population(const DiffSide& side, const DiffPopulation& population, int threads) {
  if (population.source == DiffPopulation::Source::check_envelope) return run_cases(side, population);
  sweep::SweepSpec spec;
  spec.file = population.sweep_file.empty() ? side.label : population.sweep_file;
  spec.name = "diff";
  spec.scenario_file = side.label;
  spec.scenario_path = side.path;
  spec.scenario_json = side.document;
  spec.seed = population.seed;
  spec.runs_per_cell = population.runs;
  spec.population = population.population;
  return sweep::run_slice(spec, {0, population.runs}, threads);
}

DeployDiff diff_deploys(const DiffSide& base, const DiffSide& head, const DiffPopulation& population, int threads) {
  DeployDiff diff{base.label, head.label, population, train::setting_diffs(base.document, head.document), {}, {}, {}};
  for (lint::Finding& f : missing_in(head.findings, base.findings)) diff.lint.push_back({true, std::move(f)});
  for (lint::Finding& f : missing_in(base.findings, head.findings)) diff.lint.push_back({false, std::move(f)});
  diff.base = class_figures(run_population(base, population, threads), population.class_names.size());
  diff.head = class_figures(run_population(head, population, threads), population.class_names.size());
  return diff;
}

}  // namespace harness::ci
