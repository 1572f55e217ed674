// One explored case's faults, and how they change a scenario. A FaultSet is what rapidcheck
// generates and shrinks (harness/check/generators.h); apply_faults() turns it into an ordinary
// scenario, so a case is replayed by running that scenario and nothing else.
//
// Faults act on the deployed revision's app (the load balancer's container, else the first
// essential one). Its profile is copied under a new image name when the running revision uses the
// same image, so the old tasks never see a fault meant for the new ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/check_spec.h"
#include "sim/model/scenario.h"

namespace harness::check {

// A dependency down once during the deploy: from `after_deploy` for `duration`.
struct Blip {
  std::string target;
  sim::Millis after_deploy{0};
  sim::Millis duration{0};
};

struct FaultSet {
  sim::Millis slow_start{0};               // benign: extra start-up time of the deployed app
  std::optional<Blip> blip;                // benign when short enough to ride out
  std::optional<sim::model::BreakingFault> breaking;  // makes every new task fail
  sim::Millis crash_after{0};              // crash_loop only: how long after listening
  // Per timeline call before the deploy under test (empty: the timeline as written): how far it
  // moves (negative: earlier) and how its desiredCount changes (ecs-rules §12).
  std::vector<sim::Millis> timeline_shifts;
  std::vector<int> desired_count_changes;

  // A good deploy meets only benign faults; a bad one has a breaking fault.
  bool bad() const { return breaking.has_value(); }
};

// One explored run: the faults and the seed the scenario runs with.
struct CheckCase {
  FaultSet faults;
  std::uint64_t seed = 0;
};

// The breaking faults that can break `scenario`'s deployed revision: a missing probe binary needs
// a container health check naming a binary, a localhost bind needs a load balancer.
std::vector<sim::model::BreakingFault> applicable_breaking_faults(const sim::model::Scenario& scenario);

// `base` with `faults` injected into its deployed revision and timeline. A moved timeline call
// stays between 0 and the deploy under test, so that deploy stays the timeline's last.
sim::model::Scenario apply_faults(const sim::model::Scenario& base, const FaultSet& faults);

// One line for people: "a 87 s slower start-up, redis down for 25 s from 40 s after the deploy".
// "no faults" when there are none.
std::string describe(const FaultSet& faults);

// The JSON name of a breaking fault ("missing_probe_binary").
std::string_view to_string(sim::model::BreakingFault fault);

}  // namespace harness::check
