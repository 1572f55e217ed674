// `deploysim profile IMAGE`: runs a local image a few times in the engine, unscaled, and measures
// what the simulator needs to play it — time to the first listening port, time to a passing health
// check (the image's own HEALTHCHECK, or a given HTTP path), memory over time (the Engine API's
// stats stream: every sample the engine takes, about one a second), and the exit code and OOM kill if it exits — then writes an app
// profile from the runs (medians, with their spread as start-up jitter). Never pulls; every
// container carries the label deploysim.run=profile-<id> and is removed after its run.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/docker/docker_client.h"

namespace harness::docker {

struct ProfileOptions {
  std::string image;
  std::map<std::string, std::string> environment;  // --env K=V
  int memory_limit_mib = 0;                         // --memory; 0: none
  std::chrono::seconds duration{120};               // --duration: how long one run is watched
  int runs = 3;                                     // --runs, for jitter
  int port = 0;                                     // --port; 0: the image's first exposed TCP port
  std::string health_path;                          // --health-path; "": the image's HEALTHCHECK
};

struct MemorySample {
  double at_seconds = 0;
  int mib = 0;
};

struct ProfileRun {
  std::optional<double> listening_seconds;  // first TCP connect to the port that succeeded
  std::optional<double> healthy_seconds;    // first passing check
  std::vector<MemorySample> memory;
  std::optional<int> exit_code;             // when it exited within the duration
  bool oom_killed = false;
};

struct ImageProfile {
  int port = 0;
  std::vector<ProfileRun> runs;
  nlohmann::json app;  // the scenario "apps" member the simulator plays
};

// Runs the profile. Throws DockerError (no engine, no such image: `docker pull` / `docker load`).
ImageProfile profile_image(const DockerClient& docker, const ProfileOptions& options);

// The measurements in words, one run a line, then the profile's figures.
std::string describe_profile(const ImageProfile& profile);

}  // namespace harness::docker
