#include "harness/train/incident_library.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "harness/explain/causal_chain.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

namespace harness::train {
namespace {

namespace fs = std::filesystem;

std::size_t common_prefix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

std::optional<std::size_t> fixed_twin(const Library& lib, std::size_t incident) {
  const LibraryEntry& e = lib.entries[incident];
  // A fix the story names: "What to change: memory 512 (see 000-fixed-512mb.json)".
  for (std::size_t i = 0; i < lib.entries.size(); ++i)
    if (lib.entries[i].clean && e.scenario.story.find(lib.entries[i].stem + ".json") != std::string::npos) return i;
  // The numbering heuristic is for incidents ("000-..."): examples share words, not numbers.
  if (e.stem.empty() || e.stem[0] < '0' || e.stem[0] > '9') return std::nullopt;
  std::optional<std::size_t> best;
  std::size_t best_shared = 0;
  for (std::size_t i = 0; i < lib.entries.size(); ++i) {
    const LibraryEntry& f = lib.entries[i];
    const std::size_t shared = common_prefix(e.stem, f.stem);
    if (f.clean && shared >= 4 && shared > best_shared) {  // 4: the same number and its dash
      best = i;
      best_shared = shared;
    }
  }
  return best;
}

}  // namespace

Library load_library(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw std::runtime_error("no incident library at " + folder + " (run from the repository, or pass --library DIR)");
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(folder))
    if (item.path().extension() == ".json") files.push_back(item.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error("no scenario (*.json) in " + folder);
  Library lib;
  for (const fs::path& p : files) {
    LibraryEntry e;
    e.path = p.string();
    e.stem = p.stem().string();
    e.scenario = scenario::load_scenario_file(e.path).scenario;
    sim::Simulation simulation(e.scenario, {.trace = true});
    const sim::observe::RunResult run = simulation.run();
    e.outcome = run.outcome;
    // Clean: a deploy that completed with nothing wrong in it, or a steady-state run its faults
    // never took below its desired healthy count (ecs-rules §12.5).
    e.clean = (e.outcome == sim::observe::Outcome::completed &&
               !explain::deployed_revision_was_broken(e.scenario, simulation.trace())) ||
              (e.outcome == sim::observe::Outcome::steady_state && run.metrics.below_desired_healthy == sim::Millis{0});
    lib.entries.push_back(std::move(e));
  }
  for (std::size_t i = 0; i < lib.entries.size(); ++i)
    if (!lib.entries[i].clean) lib.incidents.push_back({i, fixed_twin(lib, i)});
  return lib;
}

std::optional<std::size_t> find_incident(const Library& lib, const std::string& name) {
  std::string stem = name;
  if (stem.size() > 5 && stem.ends_with(".json")) stem.resize(stem.size() - 5);
  stem = fs::path(stem).filename().string();
  for (std::size_t i = 0; i < lib.incidents.size(); ++i)
    if (lib.entries[lib.incidents[i].entry].stem == stem) return i;
  if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      name.size() < 6) {
    const std::size_t n = std::stoul(name);
    if (n >= 1 && n <= lib.incidents.size()) return n - 1;
  }
  return std::nullopt;
}

}  // namespace harness::train
