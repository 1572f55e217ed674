#include "docker/chaos_app/dependency_standin.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>
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
  // Run time 0 is when the driver sends SIGUSR1 (the run's clock starts after the warm-up);
  // until then the dependency is up, as it is for the tasks already running.
  static std::atomic<std::int64_t> start_us{-1};
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int signal = 0;
    sigwait(&set, &signal);
    start_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }).detach();
  int listener = -1;
  for (;;) {
    const std::int64_t now_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    const std::int64_t began = start_us.load();
    const auto now_ms = static_cast<std::int64_t>(static_cast<double>(now_us - began) / 1000.0 / scale);
    bool up = true;
    for (const Window& w : down) up = up && !(began >= 0 && now_ms >= w.from_ms && now_ms < w.to_ms);
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
