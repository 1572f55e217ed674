#include "harness/docker/stats_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace harness::docker {

int memory_mib(const nlohmann::json& stats) {
  const nlohmann::json& m = stats.value("memory_stats", nlohmann::json::object());
  std::int64_t bytes = m.value("usage", std::int64_t{0});
  const nlohmann::json& detail = m.value("stats", nlohmann::json::object());
  bytes -= detail.value("inactive_file", detail.value("total_inactive_file", std::int64_t{0}));
  return static_cast<int>(std::max<std::int64_t>(bytes, 0) >> 20);
}

StatsStream::StatsStream(const DockerClient& docker, const std::string& id) {
  const OpenedStream opened = docker.open_stream("/containers/" + id + "/stats?stream=true");
  fd_ = opened.fd;
  // Reads never wait: the caller's loop watches the container and takes what has come.
  fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
  take(lines_.feed(opened.first_bytes.data(), opened.first_bytes.size()), first_);
}

StatsStream::~StatsStream() {
  if (fd_ >= 0) close(fd_);
}

void StatsStream::take(const std::vector<std::string>& lines, std::vector<int>& mib) {
  for (const std::string& line : lines) {
    const nlohmann::json stats = nlohmann::json::parse(line, nullptr, false);
    // The engine's last object for a stopped container has no memory figures: not a sample.
    if (stats.is_object() && stats.value("memory_stats", nlohmann::json::object()).contains("usage"))
      mib.push_back(memory_mib(stats));
  }
}

std::vector<int> StatsStream::read_available() {
  std::vector<int> mib;
  std::swap(mib, first_);
  char buffer[8192];
  while (!ended()) {
    const ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n > 0) {
      take(lines_.feed(buffer, static_cast<std::size_t>(n)), mib);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;  // nothing more for now
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      close(fd_);  // the engine ended the stream (the container stopped), or it broke
      fd_ = -1;
    }
  }
  return mib;
}

}  // namespace harness::docker
