// The search behind `deploysim check` and the project's properties: run a property on `runs`
// cases drawn by a rapidcheck generator from one seed, and when one fails, shrink it with the
// generator's own shrink tree (the first smaller case that still fails, repeatedly) until no
// shrink of it fails: a local minimum, as rapidcheck's own shrinking gives. Unlike rc::check, it hands back the shrunk value itself, so the caller can write it out as
// a scenario, and it draws the same cases for the same seed everywhere.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace harness::check {

template <typename T>
struct Exploration {
  int runs = 0;               // cases run, up to and including the first failing one
  int shrink_runs = 0;        // property evaluations spent shrinking
  int shrink_steps = 0;       // smaller failing cases accepted
  std::optional<T> counterexample;  // the shrunk failing case
  std::string failure;        // what the shrunk case violates
  std::string first_failure;  // what the case as first found violated

  bool holds() const { return !counterexample.has_value(); }
};

// Generation size for every case: rapidcheck's nominal size, so ranges are used in full.
inline constexpr int kGenerationSize = 100;
// Shrinking stops after this many property evaluations (each is a simulation).
inline constexpr int kMaxShrinkRuns = 2000;

// `property(const T&)` returns "" when it holds, else what failed. An exception from it is a
// failure too, its message the reason (a simulator bug is a finding, not a crash).
template <typename T, typename Property>
Exploration<T> explore(const rc::Gen<T>& gen, Property&& property, int runs, std::uint64_t seed) {
  const auto judge = [&](const T& value) -> std::string {
    try {
      return property(value);
    } catch (const std::exception& e) {
      return std::string("exception: ") + e.what();
    }
  };
  Exploration<T> out;
  rc::Random random(seed);
  for (int i = 0; i < runs; ++i) {
    rc::Shrinkable<T> current = gen(random.split(), kGenerationSize);
    ++out.runs;
    std::string why = judge(current.value());
    if (why.empty()) continue;
    out.first_failure = why;
    for (bool smaller = true; smaller && out.shrink_runs < kMaxShrinkRuns;) {
      smaller = false;
      rc::Seq<rc::Shrinkable<T>> candidates = current.shrinks();
      while (rc::Maybe<rc::Shrinkable<T>> candidate = candidates.next()) {
        if (++out.shrink_runs > kMaxShrinkRuns) break;
        std::string candidate_why = judge(candidate->value());
        if (candidate_why.empty()) continue;
        current = std::move(*candidate);
        why = std::move(candidate_why);
        ++out.shrink_steps;
        smaller = true;
        break;
      }
    }
    out.counterexample = current.value();
    out.failure = why;
    return out;
  }
  return out;
}

}  // namespace harness::check
