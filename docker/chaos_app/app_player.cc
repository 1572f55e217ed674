#include "docker/chaos_app/app_player.h"

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "docker/chaos_app/memory_ballast.h"
#include "docker/chaos_app/request_latency.h"
#include "docker/chaos_app/tcp.h"
#include "sim/world/app_endpoint.h"

namespace chaos {
namespace {

using sim::model::AppProfile;

[[noreturn]] void exit_now(int code, const std::string& why) {
  std::printf("chaos: exit %d: %s\n", code, why.c_str());
  std::fflush(stdout);
  std::_Exit(code);
}

void say(const std::string& text) {
  std::printf("chaos: %s\n", text.c_str());
  std::fflush(stdout);
}

class App {
 public:
  App(const AppProfile& profile, double scale, const std::map<std::string, Address>& deps)
      : profile_(profile), scale_(scale), deps_(deps) {}

  [[noreturn]] void run();

 private:
  void sleep_profile(sim::Millis t) const { std::this_thread::sleep_for(scaled(t, scale_)); }
  bool dependency_up(const std::string& name) const;
  void enter_phase(const sim::model::StartupPhase& phase);
  void start_server();
  void serve(int listener);
  // A request of the load generator (kTrafficPath): waits its latency, returns its status code.
  int answer_request();
  void handle_signals();

  const AppProfile& profile_;
  double scale_;
  const std::map<std::string, Address>& deps_;
  std::atomic<bool> started_{false};
  std::atomic<std::int64_t> requests_{0};  // answered at kTrafficPath
  bool serving_ = false;
};

bool App::dependency_up(const std::string& name) const {
  const auto it = deps_.find(name);
  return it != deps_.end() && can_connect(it->second, 200);
}

void App::enter_phase(const sim::model::StartupPhase& phase) {
  for (const std::string& name : phase.reads) {
    if (std::getenv(name.c_str()) != nullptr) continue;
    if (phase.on_missing == sim::model::OnMissing::exit)
      exit_now(phase.exit_code, name + " is not set (read in phase \"" + phase.name + "\")");
    say(name + " is not set (read in phase \"" + phase.name + "\"): start-up stalls");
    for (;;) pause();
  }
  for (const std::string& dep : phase.connects_to) {
    if (dependency_up(dep)) continue;
    switch (phase.on_unavailable) {
      case sim::model::OnUnavailable::degrade:
        say("carrying on without " + dep);
        break;
      case sim::model::OnUnavailable::exit:
        exit_now(phase.exit_code, "cannot connect to " + dep + " in phase \"" + phase.name + "\"");
      case sim::model::OnUnavailable::wait: {
        // The same attempts as the simulated world (sim/model/retry_policy.h), in scaled time;
        // a tight policy polls every 20 ms.
        const auto deadline = std::chrono::steady_clock::now() + scaled(phase.wait_timeout, scale_);
        sim::Millis delay = phase.retry.first_delay();
        while (!dependency_up(dep)) {
          const auto wait = phase.retry.tight() ? std::chrono::milliseconds(20) : scaled(delay, scale_);
          if (std::chrono::steady_clock::now() + wait > deadline) {
            std::this_thread::sleep_until(deadline);
            exit_now(phase.exit_code, dep + " not ready within " + sim::format_seconds(phase.wait_timeout));
          }
          std::this_thread::sleep_for(wait);
          delay = phase.retry.grow(delay);
        }
      }
    }
  }
}

void App::start_server() {
  if (serving_) return;
  serving_ = true;
  const int listener = listen_on(profile_.bind_address, profile_.port);
  if (listener < 0) exit_now(1, "cannot listen on " + profile_.bind_address + ":" + std::to_string(profile_.port));
  say("listening on " + profile_.bind_address + ":" + std::to_string(profile_.port));
  std::thread([this, listener] { serve(listener); }).detach();
}

void App::serve(int listener) {
  for (;;) {
    const int fd = accept(listener, nullptr, nullptr);
    if (fd < 0) continue;
    std::thread([this, fd] {
      const std::string path = read_request_path(fd);
      const auto it = profile_.endpoints.find(path);
      if (path == kTrafficPath) {
        const int code = answer_request();
        write_response(fd, code, code == 200 ? "ok" : "not ok");
        close(fd);
        return;
      }
      const int code = sim::world::endpoint_status_code(it == profile_.endpoints.end() ? nullptr : &it->second,
                                                        started_.load(),
                                                        [this](const std::string& d) { return dependency_up(d); });
      std::this_thread::sleep_for(scaled(profile_.response_time, scale_));
      write_response(fd, code, code == 200 ? "ok" : "not ok");
      close(fd);
    }).detach();
  }
}

int App::answer_request() {
  const std::int64_t n = ++requests_;
  // requestLatencyMs, in real time (request_latency.h); without it, the probe's response time.
  if (profile_.request_latency)
    std::this_thread::sleep_for(request_latency(*profile_.request_latency, n));
  else
    std::this_thread::sleep_for(scaled(profile_.response_time, scale_));
  // Exactly the profile's share of 500s, spread evenly: request n fails when the count of
  // failures due by n (n x basis points / 10000) goes up.
  const std::int64_t bp = profile_.request_error_basis_points;
  return n * bp / 10000 > (n - 1) * bp / 10000 ? 500 : 200;
}

// SIGTERM: exit 0 after the profile's shutdown time, or ignore it (then only SIGKILL ends us). As
// PID 1 in a container the process must handle SIGTERM itself: the kernel's default does nothing.
void App::handle_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([this, set] {
    int signal = 0;
    sigwait(&set, &signal);
    if (profile_.ignores_sigterm) {
      say("ignoring SIGTERM");
      for (;;) pause();
    }
    sleep_profile(profile_.shutdown_time);
    exit_now(0, "exited after SIGTERM");
  }).detach();
}

void App::run() {
  handle_signals();
  start_memory_ballast(profile_, scale_);
  const auto start = std::chrono::steady_clock::now();
  if (profile_.runs_for)
    std::thread([this, start] {
      std::this_thread::sleep_until(start + scaled(*profile_.runs_for, scale_));
      exit_now(profile_.exit_code_when_done, "the one-shot task finished");
    }).detach();
  for (std::size_t i = 0; i < profile_.phases.size(); ++i) {
    const auto& phase = profile_.phases[i];
    if (static_cast<int>(i) == profile_.live_from_phase) start_server();
    say("phase \"" + phase.name + "\"");
    enter_phase(phase);
    sleep_profile(phase.duration);
  }
  started_ = true;
  start_server();
  say("started");
  if (profile_.crash_after_listening) {
    sleep_profile(*profile_.crash_after_listening);
    exit_now(1, "the app crashed after start-up");
  }
  for (;;) pause();
}

}  // namespace

void play_app(const AppProfile& profile, double time_scale, const std::map<std::string, Address>& dependencies) {
  App app(profile, time_scale, dependencies);
  app.run();
}

}  // namespace chaos
