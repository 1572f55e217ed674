// Simulated time. Every duration and instant in deploysim is an integer number of milliseconds,
// carried in the type (std::chrono::milliseconds is a 64-bit count on every supported platform):
// floating-point seconds would make same-time ordering and cross-platform output fragile.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace sim {

using Millis = std::chrono::milliseconds;

constexpr Millis seconds(std::int64_t s) { return Millis{s * 1000}; }
constexpr Millis minutes(std::int64_t m) { return Millis{m * 60'000}; }
constexpr Millis hours(std::int64_t h) { return Millis{h * 3'600'000}; }

// A point or span of simulated time far beyond any horizon; used as "never".
constexpr Millis kNever = Millis{INT64_MAX / 4};

// "HH:MM:SS.mmm" (hours grow past 99 when needed); negative spans get a leading '-'.
std::string format_clock(Millis t);

// Whole seconds with millisecond fraction only when needed: "45 s", "2.500 s".
std::string format_seconds(Millis t);

}  // namespace sim
