// harness/docker/stats_stream: memory as `docker stats` counts it, from one streamed object.
#include <catch2/catch.hpp>

#include "harness/docker/stats_stream.h"

using harness::docker::memory_mib;

TEST_CASE("memory in use is the usage less the inactive page cache (cgroup v2)") {
  // Given 300 MiB of usage of which 100 MiB inactive file cache, then 200 MiB are in use.
  const auto stats = nlohmann::json::parse(
      R"({"memory_stats":{"usage":314572800,"stats":{"inactive_file":104857600,"active_file":1}}})");
  CHECK(memory_mib(stats) == 200);
}

TEST_CASE("memory in use under cgroup v1 subtracts total_inactive_file") {
  // Given 64 MiB of usage and 16 MiB total_inactive_file (v1's name), then 48 MiB.
  const auto stats = nlohmann::json::parse(R"({"memory_stats":{"usage":67108864,"stats":{"total_inactive_file":16777216}}})");
  CHECK(memory_mib(stats) == 48);
}

TEST_CASE("a stats object of a stopped container has no memory") {
  // Given the engine's last object for a stopped container (empty memory_stats), then 0.
  CHECK(memory_mib(nlohmann::json::parse(R"({"memory_stats":{}})")) == 0);
}
