// `deploysim train`: a walk through the incident library. For each incident the trainee sees the
// setup (the service's settings and what the deploy changes), predicts how it ends, when, and
// which check fires first, watches the timeline with a sentence on each rule as it first fires,
// gets the score, reads the story, and then sees the fix — the fixed twin's changes, or the
// smallest change `explain` finds — replayed to its own outcome.
#pragma once

#include <string>
#include <vector>

#include "harness/train/console.h"
#include "harness/train/incident_library.h"

namespace harness::train {

struct SessionOptions {
  std::vector<std::string> incidents;  // stems or list numbers to play in order; empty: a menu
  std::size_t max_steps = 40;          // timeline steps shown before the rest is summed up
};

// Plays the session; returns the exit code (0; 2 when a named incident is not in the library).
int run_session(const Library& library, Console& console, const SessionOptions& options);

}  // namespace harness::train
