// What the chaos app is told by the real-mode driver (harness/docker), through its environment:
// the app profile to play (the JSON of one "apps" member of the scenario), how fast to play it,
// and where each dependency stand-in listens.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "sim/engine/time.h"

namespace chaos {

// Environment variable names shared with the driver.
inline constexpr const char* kProfileVar = "DEPLOYSIM_APP_PROFILE";         // JSON text
inline constexpr const char* kImageVar = "DEPLOYSIM_APP_IMAGE";             // for messages
inline constexpr const char* kTimeScaleVar = "DEPLOYSIM_TIME_SCALE";        // e.g. "0.05"
inline constexpr const char* kDependenciesVar = "DEPLOYSIM_DEPENDENCIES";   // "redis=172.17.0.3:6379,..."
inline constexpr const char* kDependencyPortVar = "DEPLOYSIM_STANDIN_PORT";  // stand-in: its port
inline constexpr const char* kDependencyDownVar = "DEPLOYSIM_STANDIN_DOWN";  // stand-in: "from-to,..." ms

// The path at which the chaos app answers the load generator's requests as its profile says
// (requestErrorPercent: that share answers 500), apart from the profile's own endpoints.
inline constexpr const char* kTrafficPath = "/_deploysim/request";

struct Address {
  std::string ip;  // dotted quad: the scratch image has no resolver
  int port = 0;
};

// The time scale: every profile duration is multiplied by it (0.05 plays 30 s in 1.5 s).
double time_scale_from_env();

// Real time for a span of profile time.
std::chrono::microseconds scaled(sim::Millis profile_time, double scale);

// The dependencies' addresses, by name, from kDependenciesVar (empty when unset).
std::map<std::string, Address> dependency_addresses_from_env();

// "1.2.3.4:80" or "localhost:80" (localhost is 127.0.0.1). False when it cannot be read.
bool parse_address(const std::string& text, Address& out);

}  // namespace chaos
