#include "sim/world/container_plan.h"

#include <algorithm>

#include "sim/model/configured_value.h"

namespace sim::world {
namespace {

constexpr int kDefaultMemoryMib = 64;

// The process ends at `at` unless something ended it earlier.
void end_at(ContainerPlan& p, Millis at, int code, ExitWords words, ExitWordsTable& table) {
  if (at >= p.exit_at) return;
  p.exit_at = at;
  p.exit_code = code;
  p.exit_words = table.intern(std::move(words));
}

// Whether `name` (a dependency, or a container of the same task) accepts connections at t, and
// the first instant >= t at which it does (kNever: not in this plan's lifetime).
bool reachable(const std::string& name, Millis t, const PlanInputs& in, const DependencySchedule& deps) {
  if (in.unusable != nullptr && in.unusable->count(name)) return false;
  if (in.siblings != nullptr) {
    if (const auto it = in.siblings->find(name); it != in.siblings->end())
      return it->second.from <= t && t < it->second.to;
  }
  return deps.up(name, t);
}

Millis next_reachable(const std::string& name, Millis t, const PlanInputs& in,
                      const DependencySchedule& deps) {
  if (in.unusable != nullptr && in.unusable->count(name)) return kNever;
  if (in.siblings != nullptr) {
    if (const auto it = in.siblings->find(name); it != in.siblings->end()) {
      const model::TimeWindow& window = it->second;
      const Millis from = std::max(t, window.from);
      return from < window.to ? from : kNever;
    }
  }
  return deps.next_up(name, t);
}

// The moment a phase waiting from `start` gets through to `name`: its first attempt that finds it
// reachable, or kNever if none does by `deadline`. The search jumps from one up-window to the
// next, so its cost does not grow with the wait.
Millis connected_at(const std::string& name, Millis start, Millis deadline, const model::RetryPolicy& retry,
                    const PlanInputs& in, const DependencySchedule& deps) {
  Millis attempt = start;
  for (;;) {
    const Millis up_at = next_reachable(name, attempt, in, deps);
    if (up_at > deadline) return kNever;
    if (retry.tight()) return up_at;
    attempt = retry.attempts_around(start, up_at).first_from;
    if (attempt > deadline) return kNever;
    if (reachable(name, attempt, in, deps)) return attempt;
  }
}

// ": REDIS_URL \"cache:6379\" has no scheme" when the container's configuration is why.
std::string why_unusable(const PlanInputs& in, const std::string& dep) {
  if (in.unusable == nullptr) return "";
  const auto it = in.unusable->find(dep);
  return it == in.unusable->end() ? "" : ": " + it->second;
}

// Handles a phase's reads and connections at `t`. Returns the time the phase may begin its work,
// or kNever when the process ends or stalls here.
Millis enter_phase(const model::StartupPhase& phase, int index, Millis t, const PlanInputs& in,
                   const DependencySchedule& deps, ContainerPlan& p, ExitWordsTable& words) {
  for (const std::string& name : phase.reads) {
    if (in.available->count(name)) continue;
    if (phase.on_missing == model::OnMissing::stall) {
      p.stalled = true;
      p.stalled_in_phase = index;
      p.exit_words = words.intern({"", name + " is not set (read in phase \"" + phase.name + "\"): start-up stalls"});
      return kNever;
    }
    end_at(p, t, phase.exit_code, {"", name + " is not set (read in phase \"" + phase.name + "\")"}, words);
    return kNever;
  }
  for (const std::string& dep : phase.connects_to) {
    if (reachable(dep, t, in, deps)) continue;
    switch (phase.on_unavailable) {
      case model::OnUnavailable::degrade:
        continue;
      case model::OnUnavailable::exit:
        end_at(p, t, phase.exit_code,
               {"", "cannot connect to " + dep + " in phase \"" + phase.name + "\"" + why_unusable(in, dep)}, words);
        return kNever;
      case model::OnUnavailable::wait: {
        const Millis up_at = connected_at(dep, t, t + phase.wait_timeout, phase.retry, in, deps);
        if (up_at == kNever) {
          end_at(p, t + phase.wait_timeout, phase.exit_code,
                 {"", dep + " not ready within " + format_seconds(phase.wait_timeout) + why_unusable(in, dep)}, words);
          return kNever;
        }
        t = up_at;
      }
    }
  }
  return t;
}

}  // namespace

double memory_at(const model::AppProfile& profile, Millis since) {
  const auto& pts = profile.memory;
  if (pts.empty()) return kDefaultMemoryMib + profile.leak_mib_per_hour * (since.count() / 3.6e6);
  if (since <= pts.front().at) return pts.front().mib;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    if (since <= pts[i].at) {
      const double span = static_cast<double>((pts[i].at - pts[i - 1].at).count());
      const double f = span > 0 ? static_cast<double>((since - pts[i - 1].at).count()) / span : 1.0;
      return pts[i - 1].mib + f * (pts[i].mib - pts[i - 1].mib);
    }
  }
  return pts.back().mib + profile.leak_mib_per_hour * ((since - pts.back().at).count() / 3.6e6);
}

Millis memory_crossing(const model::AppProfile& profile, int limit) {
  const auto& pts = profile.memory;
  const int leak = profile.leak_mib_per_hour;
  // Integer arithmetic throughout: the crossing instant must not depend on float rounding.
  auto leak_cross = [&](Millis from, int mib_at_from) {
    if (leak <= 0) return kNever;
    const std::int64_t need = limit - mib_at_from;
    return from + Millis{(need * 3'600'000 + leak - 1) / leak};
  };
  if (pts.empty()) return kDefaultMemoryMib >= limit ? Millis{0} : leak_cross(Millis{0}, kDefaultMemoryMib);
  if (pts.front().mib >= limit) return std::max(pts.front().at, Millis{0});
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const auto& a = pts[i - 1];
    const auto& b = pts[i];
    if (b.mib < limit) continue;
    const std::int64_t span = (b.at - a.at).count();
    const std::int64_t rise = b.mib - a.mib;  // > 0 since a < limit <= b
    return a.at + Millis{((limit - a.mib) * span + rise - 1) / rise};
  }
  return leak_cross(pts.back().at, pts.back().mib);
}

UnusableDependencies unusable_dependencies(const model::Scenario& scenario,
                                           const model::ContainerDefinition& container) {
  UnusableDependencies unusable;
  for (const model::DependencyProfile& dependency : scenario.dependencies) {
    if (dependency.url_variable.empty()) continue;
    const std::optional<std::string> value = model::configured_value(scenario, container, dependency.url_variable);
    if (!value || value->empty()) continue;
    const std::string scheme = model::url_scheme(*value);
    const std::string setting = dependency.url_variable + " \"" + *value + "\"";
    if (scheme.empty()) {
      unusable[dependency.name] = setting + " has no scheme";
    } else if (!dependency.schemes.empty() &&
               std::find(dependency.schemes.begin(), dependency.schemes.end(), scheme) == dependency.schemes.end()) {
      unusable[dependency.name] = setting + " has scheme " + scheme + "://, which the client refuses";
    }
  }
  return unusable;
}

ContainerPlan plan_container(const PlanInputs& in, const DependencySchedule& deps, Rng& rng, ExitWordsTable& words) {
  const model::AppProfile& prof = *in.profile;
  ContainerPlan p;
  p.started_at = in.started_at;
  p.unusable = in.unusable;
  Millis t = in.started_at;
  const int phase_count = static_cast<int>(prof.phases.size());
  for (int i = 0; i < phase_count; ++i) {
    const auto& phase = prof.phases[static_cast<std::size_t>(i)];
    if (in.phase_starts != nullptr) in.phase_starts->push_back(t);
    if (i == prof.live_from_phase) p.health_server_at = t;
    t = enter_phase(phase, i, t, in, deps, p, words);
    if (t == kNever) break;
    t += rng.jitter(phase.duration, prof.startup_jitter_low_permille, prof.startup_jitter_high_permille);
  }
  if (t != kNever) {
    p.listening_at = t;
    if (prof.live_from_phase >= phase_count) p.health_server_at = t;
    if (prof.crash_after_listening)
      end_at(p, t + *prof.crash_after_listening, 1, {"", "the app crashed after start-up"}, words);
  }
  if (prof.runs_for)
    end_at(p, in.started_at + *prof.runs_for, prof.exit_code_when_done, {"", "the one-shot task finished"}, words);
  if (in.memory_limit_mib > 0) {
    const Millis cross = memory_crossing(prof, in.memory_limit_mib);
    if (cross != kNever && in.started_at + cross < p.exit_at) {
      end_at(p, in.started_at + cross, 137,
             {"OutOfMemoryError: Container killed due to memory usage",
              "memory reached the " + std::to_string(in.memory_limit_mib) + " MiB hard limit"},
             words);
      p.oom = true;
      p.exit_cause = observe::ContainerExitCause::oom_killed;
    }
  }
  if (p.exit_at <= p.health_server_at) p.health_server_at = kNever;
  if (p.exit_at <= p.listening_at) p.listening_at = kNever;
  return p;
}

}  // namespace sim::world
