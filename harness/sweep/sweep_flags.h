// A sweep from the command line: `deploysim sweep BASE.json --axis ...` without a sweep file, or
// a sweep file with its axes, faults or bad-deploy share replaced. The flags become the members
// of a sweep file's JSON and go through the same reader (sweep_reader.h), so every value gets the
// same checks; an error names the flag that carried the value instead of a place in a file:
//
//   sweep: --axis "grace=/service/healthCheckGracePeriodSeconds:0,-5": expected a number of
//   seconds 0-2147483647 (for /service/healthCheckGracePeriodSeconds of base.json), found -5
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/readers/read_options.h"
#include "harness/sweep/sweep_spec.h"

namespace harness::sweep {

struct SweepFlags {
  // "[NAME=]POINTER:v1,v2,..." or "[NAME=]POINTER:FROM..TO[/STEP]" (step 1 by default). The
  // pointer ends at the last ':' (pointers into "apps" hold one: /apps/web:1.2/phases/0/seconds).
  std::vector<std::string> axes;
  // "NAME=POINTER:VALUE", VALUE as JSON (a number, true, an array ...) or else a string; flags
  // with the same NAME make one fault class with several changes.
  std::vector<std::string> faults;
  std::optional<double> bad_percent;  // the population's badPercent
  readers::ReadOptions read;          // a base that is the user's configuration: --service, ...

  bool any() const { return !axes.empty() || !faults.empty() || bad_percent.has_value(); }
};

// The axis object a sweep file would hold for one --axis flag. Throws scenario::ScenarioError
// naming the flag when its shape is wrong (no pointer, no values).
nlohmann::json axis_from_flag(std::string_view flag);

// Reads `file` — a sweep file (a JSON object with "scenario" or "axes") or a base scenario — with
// `flags` applied: --axis replaces the file's axes, --fault its fault classes, --bad-percent its
// badPercent. A base scenario needs at least one --axis; its sweep is named "<file stem>-sweep".
// Throws scenario::ScenarioError: at the file's position for the file's own errors, naming the
// flag for a flag's.
SweepSpec read_sweep(const std::string& file, const SweepFlags& flags);

}  // namespace harness::sweep
