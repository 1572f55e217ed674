// What real runs left on the engine, and its removal (`deploysim real --cleanup [--run ID]`).
//
// Every container of ours carries kRunLabel=<run id>, and a run id begins with the pid of the
// process that owns the run: `real` and `compare` name a run "<pid>-<ms>" (new_run_id),
// `profile` "profile-<pid>". A run whose process still lives is going on: its containers are in
// use, not left behind, so the clean-up of every run spares them — on an engine shared by several
// users or test runs, one's `--cleanup` never pulls containers from under another's run. A run
// named explicitly (`--run ID`) is removed whatever its process.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "harness/docker/docker_client.h"

namespace harness::docker {

// The pid of the process owning run `run_id`: its first all-digit part ("1234-1733" and
// "profile-1234" give 1234), or none.
std::optional<int> run_owner_pid(const std::string& run_id);

// True when the run's owner process still lives (this machine's processes: the engine is local).
// A run id without a pid is never going: nothing can be using its containers for sure.
bool run_going(const std::string& run_id);

struct Cleanup {
  int removed = 0;                     // containers removed
  std::set<std::string> kept_runs;     // runs still going, whose containers were kept
  int kept = 0;                        // their containers
};

// Removes the containers of run `run_id`, or with an empty id those of every run that is not
// going, and never a container without kRunLabel.
Cleanup remove_leftovers(const DockerClient& docker, const std::string& run_id = "");

}  // namespace harness::docker
