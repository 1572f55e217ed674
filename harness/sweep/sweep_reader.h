// Reading a sweep file (format: scenarios/sweeps/README.md). Errors have the scenario loader's
// shape and use its reader — file:line:col, JSON pointer, expected and found, did-you-mean for a
// misspelt key — and every axis value and fault is loaded into the base scenario once here, so
// a value out of ECS's range is reported at its place in the sweep file with the loader's words:
//
//   grace.sweep.json:9:40: at /axes/0/values/2: expected a number of seconds 0-2147483647
//   (for /service/healthCheckGracePeriodSeconds of base.json), found -5
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/readers/read_options.h"
#include "harness/sweep/sweep_spec.h"

namespace harness::sweep {

// Reads the sweep file at `path` and the base scenario it names (relative to the sweep file's
// directory). A base that is the user's configuration (a Terraform plan, a template, ...) is read
// with `read` (--service, --parameter, --revision, --format). Throws scenario::ScenarioError on
// any problem with either.
SweepSpec read_sweep_file(const std::string& path, const readers::ReadOptions& read = {});

// Reads a sweep given as JSON — a sweep file's content with parts replaced from the command line,
// or one made from flags alone (sweep_flags.h) — with the same checks. `name` names it in
// messages; its "scenario" is found relative to `base_dir`.
SweepSpec read_sweep_json(const nlohmann::json& sweep, const std::string& name, const std::filesystem::path& base_dir,
                          const readers::ReadOptions& read = {});

}  // namespace harness::sweep
