// `deploysim init`'s core: the sections one or two readers found become a complete scenario
// (scenarios/README.md) that run, explain, check, lint and sweep play at once.
//   - One source: what it deploys is deployed over what runs before (a Terraform plan's
//     `before`, a live service's current revision); a source that knows only one revision is a
//     forced new deployment of it.
//   - Two sources (BASE HEAD, such as a template before and after a pull request): BASE's task
//     definition runs, HEAD's is deployed, HEAD gives the service and the rest.
// App profiles are derived (derived_apps.h); every assumption and every note of the readers is
// written into the scenario's `story`, so the user knows what to refine.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/readers/config_sections.h"

namespace harness::readers {

struct BuiltScenario {
  nlohmann::json scenario;            // keys sorted (nlohmann::json), so the same input writes the same bytes
  OriginMap origins;                  // generated pointers -> the user's files
  std::vector<std::string> story;     // the assumptions and the readers' notes, one per line
};

// `ours`: an object of our own sections (apps, dependencies, faults, platform, seed,
// horizonSeconds, expect, ...) that replace what init would derive; null for none.
// `run_images`: images whose apps (derived or ours) get "runImage" (read_options.h); an image no
// app profiles is an error listing the images that have one (run_images.h).
BuiltScenario build_scenario(std::vector<ConfigSections> sources, const nlohmann::json& ours,
                             const std::vector<std::string>& run_images = {});

}  // namespace harness::readers
