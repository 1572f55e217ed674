// The times the start-up rules compare: how long an app may take to start, at worst, how soon a
// health check can give up on a task that is still starting, and how soon a task can reach a
// phase that connects to a dependency. All are bounds computed from the profile, the platform
// and the check settings alone, with no dependency waits and no run.
#pragma once

#include <cstddef>

#include "sim/engine/time.h"
#include "sim/model/app_profile.h"
#include "sim/model/health_check.h"
#include "sim/model/platform_timing.h"

namespace harness::lint {

// The longest start-up the profile allows: every phase at the high end of its start-up jitter,
// rounded down per phase as the simulator's jitter is. Waits for dependencies (connectsTo with
// onUnavailable "wait") are not included: they depend on the run.
sim::Millis longest_startup(const sim::model::AppProfile& profile);

// How soon after ECS launches a task its container can enter phase `phase` of `profile`:
// provisioning and image pull at the low end of the platform's jitter, then every earlier phase
// at the low end of its start-up jitter, rounded down as the simulator's jitter is (target
// registration comes after the containers start and does not delay them). No waits: the earliest
// moment the phase's dependencies are asked for.
sim::Millis earliest_phase_start(const sim::model::AppProfile& profile, std::size_t phase,
                                 const sim::model::PlatformTiming& platform);

// How soon after the container starts Docker's check can first report UNHEALTHY when every probe
// fails at once (the app is not answering yet): played on sim/ecs's own state machine.
sim::Millis earliest_unhealthy(const sim::model::ContainerHealthCheck& check);

// How soon after registration the target group can first report a target unhealthy when every
// probe fails at once, played on sim/ecs's target state machine.
sim::Millis earliest_unhealthy(const sim::model::TargetGroupHealthCheck& check);

}  // namespace harness::lint
