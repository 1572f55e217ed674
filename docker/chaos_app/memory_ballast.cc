#include "docker/chaos_app/memory_ballast.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "sim/world/container_plan.h"

namespace chaos {
namespace {

constexpr std::size_t kChunk = 1 << 20;  // 1 MiB

void follow_curve(const sim::model::AppProfile& profile, double scale) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<char*> chunks;
  for (;;) {
    const auto real_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    const sim::Millis profile_time{static_cast<std::int64_t>(static_cast<double>(real_us.count()) / 1000.0 / scale)};
    const auto want = static_cast<std::size_t>(sim::world::memory_at(profile, profile_time));
    while (chunks.size() < want) {
      char* chunk = static_cast<char*>(std::malloc(kChunk));
      if (chunk == nullptr) break;
      // Touch every page: untouched pages are not resident and the kernel would not count them.
      std::memset(chunk, 0x5a, kChunk);
      chunks.push_back(chunk);
    }
    while (chunks.size() > want) {
      std::free(chunks.back());
      chunks.pop_back();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

void start_memory_ballast(const sim::model::AppProfile& profile, double time_scale) {
  std::thread(follow_curve, std::cref(profile), time_scale).detach();
}

}  // namespace chaos
