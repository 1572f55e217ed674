#include "sim/engine/rng.h"

namespace sim {
namespace {

// GCC and Clang's 128-bit integer, for the full 64x64-bit product; __extension__ marks the
// non-ISO type as intended so -Wpedantic stays quiet.
__extension__ typedef unsigned __int128 uint128;

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Uniform in [0, range) for range >= 1; range 0 stands for the full 2^64. Lemire, "Fast Random
// Integer Generation in an Interval" (2019): multiply, and reject the few biased low products.
// Unsigned throughout, so a range wider than INT64_MAX does not overflow.
std::uint64_t uniform_below(Rng& rng, std::uint64_t range) {
  if (range == 0) return rng.next_u64();
  uint128 m = static_cast<uint128>(rng.next_u64()) * range;
  std::uint64_t low = static_cast<std::uint64_t>(m);
  if (low < range) {
    const std::uint64_t threshold = (0 - range) % range;
    while (low < threshold) {
      m = static_cast<uint128>(rng.next_u64()) * range;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) {
  std::uint64_t sm = seed;
  for (auto& word : s_) word = splitmix64(sm);
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  // hi - lo and lo + offset are computed modulo 2^64: in signed arithmetic they overflow for
  // ranges wider than INT64_MAX.
  const std::uint64_t lo_bits = static_cast<std::uint64_t>(lo);
  const std::uint64_t range = static_cast<std::uint64_t>(hi) - lo_bits + 1;
  return static_cast<std::int64_t>(lo_bits + uniform_below(*this, range));
}

bool Rng::chance(std::uint64_t numerator, std::uint64_t denominator) {
  if (denominator == 0 || numerator == 0) return false;
  if (numerator >= denominator) return true;
  return uniform_below(*this, denominator) < numerator;
}

Millis Rng::jitter(Millis base, std::int64_t low_permille, std::int64_t high_permille) {
  const std::int64_t factor = uniform_int(low_permille, high_permille);
  return Millis{base.count() * factor / 1000};
}

Rng RngStreams::stream(std::uint64_t name_hash, std::uint64_t index) const {
  std::uint64_t state = master_seed_ ^ name_hash;
  std::uint64_t a = splitmix64(state);
  state = a ^ (index * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL);
  return Rng(splitmix64(state));
}

}  // namespace sim
