// What a scenario's "check" section declares for `deploysim check`: the fault envelope to explore
// around the scenario's fixed config, and the intents every explored run must meet. Plain data
// read by harness/scenario; explored by harness/check. The simulator never looks at it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/observe/outcome.h"

namespace sim::model {

// Faults that break the deployed revision: every new task fails (the "bad deploy" class).
enum class BreakingFault {
  oom,                   // the memory curve crosses a lowered hard limit during start-up (exit 137)
  missing_secret,        // a secret ECS cannot fetch: ResourceInitializationError before RUNNING
  crash_loop,            // the process exits some seconds after it starts listening
  missing_probe_binary,  // the container health check calls a binary the image lacks (seed 004)
  bind_localhost,        // the app listens on 127.0.0.1: the load balancer never reaches it (seed 003)
  bad_config,            // a setting the app requires is missing: it exits at start-up (seed 000)
};

// The faults `deploysim check` may inject. Benign ones (slow starts, short dependency blips) leave
// a working revision working, so a "good deploy" meets them; breaking ones make a "bad deploy".
struct FaultEnvelope {
  Millis max_slow_start{0};               // extra start-up time of the deployed app, 0 .. this
  std::vector<std::string> blip_targets;  // dependencies that may go down once during the deploy
  Millis max_blip{0};                     // for 1 ms .. this, starting 0-180 s after the deploy
  std::vector<BreakingFault> breaking;    // bad deploys get one of these
  // A timeline's UpdateService calls before the deploy under test (ecs-rules §12): each may move
  // up to this much earlier or later (kept between 0 and the deploy), and each desiredCount it
  // sets may change by up to this many tasks (kept at 0 or more). 0: the timeline as written.
  Millis max_timeline_shift{0};
  int max_desired_count_change = 0;
};

// Which explored runs an intent is about.
enum class DeployClass { good, bad, any };

// "good deploys complete within 15 min": the outcome must be one of `outcomes`, reached within
// `within` of the deploy's start (when set).
struct Intent {
  std::string name;
  DeployClass deploys = DeployClass::any;
  std::vector<observe::Outcome> outcomes;
  std::optional<Millis> within;
};

struct CheckSpec {
  int runs = 100;  // explored runs when `deploysim check` is not given --runs
  FaultEnvelope envelope;
  std::vector<Intent> intents;
};

}  // namespace sim::model
