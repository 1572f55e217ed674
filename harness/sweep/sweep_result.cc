#include "harness/sweep/sweep_result.h"

#include <algorithm>
#include <cstdio>

#include "harness/scenario/document.h"
#include "harness/scenario/scenario_error.h"

namespace harness::sweep {
namespace {

using scenario::ScenarioError;

constexpr std::size_t kRecordFields = 9;
// Version 2 added errors served to each record.
constexpr int kPartialVersion = 2;

nlohmann::json population_json(const Population& p) {
  nlohmann::json faults = nlohmann::json::array();
  for (const FaultClass& f : p.faults) {
    nlohmann::json set = nlohmann::json::object();
    for (const SettingChange& c : f.changes) set[c.pointer] = c.value;
    faults.push_back({{"name", f.name}, {"weight", f.weight}, {"set", set}});
  }
  const char* kinds[] = {"fixed", "uniform", "lognormal"};
  nlohmann::json startup = {{"distribution", kinds[static_cast<int>(p.startup.kind)]}};
  if (p.startup.kind == StartupScale::Kind::uniform)
    startup.update({{"minPermille", p.startup.low_permille}, {"maxPermille", p.startup.high_permille}});
  if (p.startup.kind == StartupScale::Kind::lognormal)
    startup.update({{"medianPermille", p.startup.median_permille}, {"p95Permille", p.startup.p95_permille}});
  nlohmann::json blips = nlohmann::json::array();
  for (const DependencyBlip& b : p.blips)
    blips.push_back({{"dependency", b.dependency}, {"ppm", b.chance_ppm},
                     {"atMs", {b.at_min.count(), b.at_max.count()}},
                     {"durationMs", {b.duration_min.count(), b.duration_max.count()}}});
  return {{"badPpm", p.bad_ppm}, {"faults", faults}, {"startupScale", startup}, {"dependencyBlips", blips}};
}

[[noreturn]] void fail(const std::string& name, const std::string& pointer, const std::string& expected,
                       const std::string& found) {
  throw ScenarioError(name, pointer, expected, found);
}

RunRecord record_from_json(const nlohmann::json& row, const std::string& name, std::size_t index) {
  if (!row.is_array() || row.size() != kRecordFields ||
      !std::all_of(row.begin(), row.end(), [](const nlohmann::json& v) { return v.is_number_integer(); }))
    fail(name, "/records/" + std::to_string(index), "an array of 9 integers", row.dump());
  return {row[0].get<int>(), row[1].get<int>(), row[2].get<std::int64_t>(), row[3].get<std::int64_t>(),
          row[4].get<std::int64_t>(), row[5].get<std::int64_t>(), row[6].get<std::int64_t>(), row[7].get<int>(), row[8].get<std::int64_t>()};
}

// Partials are sorted by shard, so the first index without its partial is the one a gap (or the
// end of the list) reveals. The message says how to run it again, on a cluster or by hand.
[[noreturn]] void missing_shard(std::size_t index, int count) {
  const std::string shard = std::to_string(index) + "/" + std::to_string(count);
  fail("merge", "", "a partial file for each of the " + std::to_string(count) + " shards",
       "none for shard " + shard + " (it failed, was cancelled or is still running; run it again with --shard " +
           shard + ", or re-submit that job array task)");
}

}  // namespace

nlohmann::json sweep_header(const SweepSpec& spec) {
  nlohmann::json axes = nlohmann::json::array(), skipped = nlohmann::json::array();
  for (const Axis& a : spec.axes) axes.push_back({{"name", a.name}, {"pointer", a.pointer}, {"values", a.values}});
  for (const SkippedAxis& a : spec.skipped_axes)
    skipped.push_back({{"name", a.name}, {"pointer", a.pointer}, {"values", a.values}});
  char fingerprint[17];
  std::snprintf(fingerprint, sizeof fingerprint, "%016llx", static_cast<unsigned long long>(spec.fingerprint));
  return {{"name", spec.name},
          {"description", spec.description},
          {"scenario", spec.scenario_file},
          {"seed", spec.seed},
          {"runsPerCell", spec.runs_per_cell},
          {"falseRollbackBudgetPpm", spec.false_rollback_budget_ppm},
          {"cells", spec.cell_count()},
          {"axes", axes},
          {"skippedAxes", skipped},
          {"population", population_json(spec.population)},
          {"fingerprint", fingerprint}};
}

nlohmann::json partial_json(const SweepResult& partial) {
  nlohmann::json records = nlohmann::json::array();
  for (const RunRecord& r : partial.records)
    records.push_back({r.fault, r.outcome, r.detect_ms, r.outcome_ms, r.below_desired_ms,
                       r.zero_healthy_ms, r.task_ms, r.failed_tasks, r.errors_served});
  return {{"deploysimSweepPartial", kPartialVersion},
          {"shard", {partial.shard_index, partial.shard_count}},
          {"firstRun", partial.first_run},
          {"header", partial.header},
          {"records", records}};
}

SweepResult partial_from_json(const nlohmann::json& json, const std::string& name) {
  const bool versioned = json.is_object() && json.contains("deploysimSweepPartial");
  if (!versioned || json["deploysimSweepPartial"] != kPartialVersion)
    fail(name, "", "a partial sweep result written by this version of deploysim sweep --shard (version " +
                       std::to_string(kPartialVersion) + ")",
         versioned ? "version " + json["deploysimSweepPartial"].dump() : "another document");
  const nlohmann::json& shard = json.value("shard", nlohmann::json());
  if (!shard.is_array() || shard.size() != 2 || !shard[0].is_number_integer() || !shard[1].is_number_integer() ||
      shard[1].get<int>() < 1 || shard[0].get<int>() < 0 || shard[0].get<int>() >= shard[1].get<int>())
    fail(name, "/shard", "[index, count] with 0 <= index < count", shard.dump());
  if (!json.contains("header") || !json["header"].is_object()) fail(name, "/header", "an object", "nothing");
  if (!json.contains("firstRun") || !json["firstRun"].is_number_integer())
    fail(name, "/firstRun", "an integer", json.value("firstRun", nlohmann::json()).dump());
  if (!json.contains("records") || !json["records"].is_array()) fail(name, "/records", "an array", "nothing");
  SweepResult out;
  out.header = json["header"];
  out.shard_index = shard[0].get<int>();
  out.shard_count = shard[1].get<int>();
  out.first_run = json["firstRun"].get<std::int64_t>();
  out.records.reserve(json["records"].size());
  for (std::size_t i = 0; i < json["records"].size(); ++i)
    out.records.push_back(record_from_json(json["records"][i], name, i));
  return out;
}

SweepResult read_partial(const std::string& path) {
  const scenario::Document document = scenario::Document::from_file(path);
  return partial_from_json(document.root(), document.name());
}

SweepResult merge_partials(std::vector<NamedPartial> partials) {
  if (partials.empty()) throw ScenarioError("deploysim merge", "", "at least one partial file", "none");
  std::sort(partials.begin(), partials.end(), [](const NamedPartial& a, const NamedPartial& b) {
    return a.partial.shard_index < b.partial.shard_index;
  });
  const NamedPartial& first = partials.front();
  SweepResult merged;
  merged.header = first.partial.header;
  std::int64_t next_run = 0;
  for (std::size_t i = 0; i < partials.size(); ++i) {
    const NamedPartial& p = partials[i];
    if (p.partial.header != first.partial.header)
      fail(p.name, "/header", "the same sweep as " + first.name, "another sweep or other settings");
    if (p.partial.shard_count != first.partial.shard_count)
      fail(p.name, "/shard", "a shard of " + std::to_string(first.partial.shard_count),
           "a shard of " + std::to_string(p.partial.shard_count));
    if (p.partial.shard_index > static_cast<int>(i)) missing_shard(i, first.partial.shard_count);
    if (p.partial.shard_index != static_cast<int>(i))
      fail(p.name, "/shard", "shard " + std::to_string(i) + " of " + std::to_string(p.partial.shard_count) +
                                 " (each shard exactly once)",
           "shard " + std::to_string(p.partial.shard_index));
    if (p.partial.first_run != next_run)
      fail(p.name, "/firstRun", std::to_string(next_run), std::to_string(p.partial.first_run));
    merged.records.insert(merged.records.end(), p.partial.records.begin(), p.partial.records.end());
    next_run += static_cast<std::int64_t>(p.partial.records.size());
  }
  if (partials.size() < static_cast<std::size_t>(first.partial.shard_count))
    missing_shard(partials.size(), first.partial.shard_count);
  const std::int64_t total = merged.header.value("cells", 0LL) * merged.header.value("runsPerCell", 0LL);
  if (next_run != total)
    fail(first.name, "/records", std::to_string(total) + " runs in all", std::to_string(next_run));
  return merged;
}

}  // namespace harness::sweep
