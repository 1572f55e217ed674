// What one container will do over its life, computed when it starts from its app profile, its
// environment and secrets, its memory limit and the dependency schedule. Because all of these are
// known at start, the plan is fixed: only a stop request (SIGTERM) or a kill can end it sooner.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/engine/rng.h"
#include "sim/engine/time.h"
#include "sim/model/app_profile.h"
#include "sim/model/scenario.h"
#include "sim/observe/trace_events.h"
#include "sim/world/dependency_schedule.h"
#include "sim/world/exit_words.h"

namespace sim::world {

// When the other containers of the same task accept connections: [listening_at, exit_at) of
// each one's plan, and an empty window for one not started yet. A phase's connectsTo that names
// one of them asks here instead of the dependency schedule (seed 004's one-task fix: Kafka
// connects to ZooKeeper in its own task).
using SiblingWindows = std::map<std::string, model::TimeWindow>;

// Dependencies a container's own configuration keeps it from using, with why: its URL variable
// has no scheme or one the client refuses (seed 002's REDIS_URL). Fixed per container definition.
using UnusableDependencies = std::map<std::string, std::string>;

// Part of every task's record in the world, read on each health-check event: the words of the
// exit, read only when it happens, are an entry of the run's ExitWordsTable (exit_words.h).
struct ContainerPlan {
  Millis started_at{0};
  Millis health_server_at = kNever;  // the app answers HTTP (live endpoints) from here
  Millis listening_at = kNever;      // start-up finished: every endpoint answers
  Millis exit_at = kNever;           // when the process exits by itself
  const ExitWords* exit_words = &kNoExitWords;  // why it exits; for a stalled start-up, why it stalls
  const UnusableDependencies* unusable = nullptr;  // from PlanInputs, for the app's endpoints
  int exit_code = 0;
  int stalled_in_phase = -1;
  observe::ContainerExitCause exit_cause = observe::ContainerExitCause::by_itself;
  bool oom = false;
  bool stalled = false;              // start-up never finishes (seed 001's partial start-up)
};

struct PlanInputs {
  const model::AppProfile* profile = nullptr;
  const std::set<std::string>* available = nullptr;  // env variable and secret names it has
  int memory_limit_mib = 0;         // 0: no limit
  Millis started_at{0};
  const SiblingWindows* siblings = nullptr;  // nullptr: a single-container task
  const UnusableDependencies* unusable = nullptr;  // nullptr: none
  // Where to write when each phase it reached began (the trace shows them); nullptr: not wanted.
  std::vector<Millis>* phase_starts = nullptr;
};

// The dependencies `container` cannot use as the scenario configures it: each dependency with a
// urlVariable whose value in the container (environment, or a secret value the scenario gives)
// lacks a scheme or has one outside the dependency's `schemes`.
UnusableDependencies unusable_dependencies(const model::Scenario& scenario,
                                           const model::ContainerDefinition& container);

// Plays the profile's start-up phases against the environment and dependencies and finds the
// first way the process ends: a missing variable, an unavailable dependency, the memory curve
// crossing the hard limit (the kernel's OOM kill, exit 137), a crash or a one-shot completing.
// The plan's exit words are entries of `words`.
ContainerPlan plan_container(const PlanInputs& in, const DependencySchedule& deps, Rng& rng, ExitWordsTable& words);

// Resident memory (MiB) `since_start` after the container started: piecewise linear through the
// profile's points, then the leak. 64 MiB flat without points.
double memory_at(const model::AppProfile& profile, Millis since_start);

// The first instant (since start) at which memory reaches `limit_mib`, or kNever.
Millis memory_crossing(const model::AppProfile& profile, int limit_mib);

}  // namespace sim::world
