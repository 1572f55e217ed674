// The raw result of a sweep, or of one shard of it: a header that describes the sweep, and the
// records of the runs it covers. A shard writes it as a partial file; `deploysim merge` reads the
// partials back and joins them; an unsharded sweep is the single partial 0/1 joined alone, so both
// paths render the same result through the same code, byte for byte.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/sweep/run_record.h"
#include "harness/sweep/sweep_spec.h"

namespace harness::sweep {

struct SweepResult {
  // Everything the reports say about the sweep: name, base scenario, seed, runs per cell, axes
  // and their values, skipped axes, population, fingerprint. Identical in every shard's partial.
  nlohmann::json header;
  int shard_index = 0;
  int shard_count = 1;
  std::int64_t first_run = 0;     // run index of records[0] in the grid
  std::vector<RunRecord> records;
};

nlohmann::json sweep_header(const SweepSpec& spec);

// The partial file's JSON: {"deploysimSweepPartial": 2, "shard": [k, n], "firstRun", "header",
// "records": [[fault, outcome, detect, outcome time, below, zero, task ms, failed, 5xx], ...]}.
nlohmann::json partial_json(const SweepResult& partial);

// Reads a partial file. Throws scenario::ScenarioError naming the file and the spot.
SweepResult read_partial(const std::string& path);
SweepResult partial_from_json(const nlohmann::json& json, const std::string& name);

struct NamedPartial {
  std::string name;  // the file, for messages
  SweepResult partial;
};

// Joins the partials of shards 0..n-1 of one sweep (in any order) into the complete result.
// Throws scenario::ScenarioError when they belong to different sweeps or shard counts, when a
// shard is missing or given twice, or when their runs do not cover the grid exactly.
SweepResult merge_partials(std::vector<NamedPartial> partials);

}  // namespace harness::sweep
