// Seeded, named random streams with our own generator and distribution code.
//
// Determinism contract: the same (seed, stream name, index) gives the same draws on every
// platform and standard library. That is why we use xoshiro256** seeded by splitmix64 and never
// std::uniform_*_distribution (whose algorithms differ between libstdc++ and libc++).
// Each component draws from its own stream, derived from the master seed and a name (plus an
// index such as a task id), so adding a component or a draw elsewhere never shifts these draws.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/engine/time.h"

namespace sim {

// splitmix64: one step of Vigna's mixer; used to seed generators and to hash stream identities.
std::uint64_t splitmix64(std::uint64_t& state);

// xoshiro256** 1.0 (Blackman & Vigna), a small, fast, portable generator.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next_u64();

  // Uniform integer in [lo, hi] inclusive, unbiased (Lemire's multiply-and-reject).
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);

  // True with probability numerator/denominator, exactly (integer arithmetic).
  bool chance(std::uint64_t numerator, std::uint64_t denominator);

  // `base` scaled by a factor drawn uniformly from [low_permille, high_permille] / 1000,
  // rounded down to whole milliseconds. jitter(20 s, 800, 1200) is 20 s x U[0.8, 1.2].
  Millis jitter(Millis base, std::int64_t low_permille, std::int64_t high_permille);

 private:
  std::uint64_t s_[4];
};

// FNV-1a of a stream name: stable and portable (std::hash is neither). constexpr so that hot
// paths can name their streams at compile time.
constexpr std::uint64_t stream_name(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Derives independent streams from one master seed.
class RngStreams {
 public:
  explicit RngStreams(std::uint64_t master_seed) : master_seed_(master_seed) {}

  // The stream for `name` and `index` (e.g. ("task.start", 17)). Cheap: a few mixes, no state kept.
  Rng stream(std::string_view name, std::uint64_t index = 0) const {
    return stream(stream_name(name), index);
  }
  // The same, for a name hashed once with stream_name().
  Rng stream(std::uint64_t name_hash, std::uint64_t index) const;

  std::uint64_t master_seed() const { return master_seed_; }

 private:
  std::uint64_t master_seed_;
};

}  // namespace sim
