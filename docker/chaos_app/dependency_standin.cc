#include "docker/chaos_app/dependency_standin.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "docker/chaos_app/chaos_config.h"
#include "docker/chaos_app/tcp.h"

namespace chaos {
namespace {

struct Window {
  std::int64_t from_ms;
  std::int64_t to_ms;
};

// "from-to,from-to" in profile milliseconds.
std::vector<Window> down_windows_from_env() {
  std::vector<Window> out;
  const char* text = std::getenv(kDependencyDownVar);
  std::stringstream list(text ? text : "");
  std::string item;
  while (std::getline(list, item, ',')) {
    Window w{};
    if (std::sscanf(item.c_str(), "%ld-%ld", &w.from_ms, &w.to_ms) == 2) out.push_back(w);
  }
  return out;
}

}  // namespace

void run_dependency_standin() {
  const char* port_text = std::getenv(kDependencyPortVar);
  const int port = port_text ? std::atoi(port_text) : 0;
  if (port <= 0) {
    std::fprintf(stderr, "chaos dependency: %s must name a port\n", kDependencyPortVar);
    std::_Exit(2);
  }
  const double scale = time_scale_from_env();
  const std::vector<Window> down = down_windows_from_env();
  const auto start = std::chrono::steady_clock::now();
  int listener = -1;
  for (;;) {
    const auto real_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    const auto now_ms = static_cast<std::int64_t>(static_cast<double>(real_us.count()) / 1000.0 / scale);
    bool up = true;
    for (const Window& w : down) up = up && !(now_ms >= w.from_ms && now_ms < w.to_ms);
    if (up && listener < 0) {
      listener = listen_on("0.0.0.0", port);
      std::printf("chaos dependency: up on port %d\n", port);
    } else if (!up && listener >= 0) {
      close(listener);
      listener = -1;
      std::printf("chaos dependency: down\n");
    }
    std::fflush(stdout);
    pollfd p{listener, POLLIN, 0};
    if (listener >= 0 && poll(&p, 1, 10) == 1) {
      const int fd = accept(listener, nullptr, nullptr);
      if (fd >= 0) close(fd);
    } else if (listener < 0) {
      poll(nullptr, 0, 10);
    }
  }
}

}  // namespace chaos
