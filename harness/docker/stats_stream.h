// A container's memory as the Engine API streams it: GET /containers/{id}/stats?stream=true, one
// JSON object a line, which the engine writes about once a second (its collection interval) for
// as long as the container runs, and ends when it stops. `deploysim profile` reads it rather than
// asking for one-shot stats once a second: each answer of a one-shot request costs the engine a
// collection of its own and arrives at the request's time, not at the engine's sampling instant,
// whereas the stream hands over every sample the engine takes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/docker/chunked_lines.h"
#include "harness/docker/docker_client.h"

namespace harness::docker {

// Memory in use as `docker stats` counts it, in MiB: usage less the inactive page cache (cgroup
// v2's inactive_file, v1's total_inactive_file); 0 when the object has none (a stopped container).
int memory_mib(const nlohmann::json& stats);

class StatsStream {
 public:
  // Opens the stream of container `id` (it must exist). Throws EngineUnreachable or DockerError.
  StatsStream(const DockerClient& docker, const std::string& id);
  ~StatsStream();
  StatsStream(const StatsStream&) = delete;
  StatsStream& operator=(const StatsStream&) = delete;

  // The memory of every stats object that has arrived since the last call, oldest first, without
  // waiting for more; after the engine ended the stream, none, and ended() is true.
  std::vector<int> read_available();
  bool ended() const { return fd_ < 0 || lines_.ended(); }

 private:
  void take(const std::vector<std::string>& lines, std::vector<int>& mib);

  int fd_ = -1;
  ChunkedLines lines_;
  std::vector<int> first_;  // samples that came with the answer's header
};

}  // namespace harness::docker
