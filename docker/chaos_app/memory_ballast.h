// Memory the chaos app really allocates and touches, following the profile's memory curve
// (sim::world::memory_at) in scaled time, so the kernel really OOM-kills the container when the
// curve crosses its hard limit (exit 137, State.OOMKilled).
#pragma once

#include "sim/model/app_profile.h"

namespace chaos {

// Starts a background thread that keeps resident memory at the curve; it runs until the process
// exits. The profile must outlive the process's use of it.
void start_memory_ballast(const sim::model::AppProfile& profile, double time_scale);

}  // namespace chaos
