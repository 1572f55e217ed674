// `chaos serve`: the chaos app plays one app profile for real — start-up phases and their
// durations, the variables each phase reads (exit or stall when one is missing), dependencies it
// connects to over TCP (exit, wait or degrade), the memory curve, the HTTP endpoints on the bind
// address and port, SIGTERM handling, crashes and one-shot runs. Durations are scaled.
#pragma once

#include <map>
#include <string>

#include "docker/chaos_app/chaos_config.h"
#include "sim/model/app_profile.h"

namespace chaos {

// Plays `profile` until the process exits (never returns normally).
[[noreturn]] void play_app(const sim::model::AppProfile& profile, double time_scale,
                           const std::map<std::string, Address>& dependencies);

}  // namespace chaos
