// The control endpoint, outside ECS's namespace (paths under /_deploysim/, any method ECS would
// not send there): what a test needs to drive the accelerated clock without sleeping, and to see
// what the simulation did. docs/serve.md documents it.
//
//   POST /_deploysim/advance  {"seconds": N}   simulated time jumps N seconds (0 < N <= 86400)
//   GET  /_deploysim/state                     the simulated time, the time scale, each service's
//                                              status and deployments' rolloutState, the server's
//                                              refusal counters
//   GET  /_deploysim/trace?cluster=C&service=S one service's event log, one JSON object a line,
//                                              as `deploysim run --events` writes it
//   GET  /_deploysim/target-health?cluster=C&service=S   the target group's view of its tasks,
//                                              shaped as ELBv2 DescribeTargetHealth's answer
#pragma once

#include "harness/serve/http_server.h"

namespace harness::serve {

class EcsState;
class Pacer;

inline constexpr const char* kControlPrefix = "/_deploysim/";

// Answers a request under kControlPrefix. A bad one throws EcsError (or ScenarioError), which the
// API answers as it answers ECS requests.
HttpResponse handle_control(EcsState& state, Pacer& pacer, const HttpRequest& request,
                            const ServerCounters& counters);

}  // namespace harness::serve
