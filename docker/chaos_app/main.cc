// chaos: the app real mode runs in its containers (a static binary in a FROM scratch image).
//   chaos serve        play the app profile in DEPLOYSIM_APP_PROFILE (see chaos_config.h)
//   chaos probe URL    GET an http:// URL: exit 0 on 2xx/3xx, 1 otherwise (a HEALTHCHECK command)
//   chaos dependency   a dependency stand-in (dependency_standin.h)
//   chaos pause        holds a task's network namespace (awsvpc) until SIGTERM, as ECS's pause
//                      container does
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "docker/chaos_app/app_player.h"
#include "docker/chaos_app/dependency_standin.h"
#include "docker/chaos_app/tcp.h"
#include "harness/scenario/app_profile_text.h"

namespace {

std::vector<std::string> dependency_names(const std::map<std::string, chaos::Address>& deps) {
  std::vector<std::string> names;
  for (const auto& [name, address] : deps) names.push_back(name);
  return names;
}

int serve() {
  const char* profile_text = std::getenv(chaos::kProfileVar);
  const char* image = std::getenv(chaos::kImageVar);
  if (profile_text == nullptr) {
    std::fprintf(stderr, "chaos serve: %s must hold the app profile JSON\n", chaos::kProfileVar);
    return 2;
  }
  const auto deps = chaos::dependency_addresses_from_env();
  const std::string name = image ? image : "app";
  try {
    static const sim::model::AppProfile profile = harness::scenario::read_app_profile_text(
        profile_text, name, dependency_names(deps), std::string(chaos::kProfileVar) + " (" + name + ")");
    chaos::play_app(profile, chaos::time_scale_from_env(), deps);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chaos serve: %s\n", e.what());
    return 2;
  }
}

int probe(const std::string& url) {
  // http://HOST:PORT/PATH, the shape health-check commands use.
  const std::string prefix = "http://";
  chaos::Address to;
  const auto slash = url.find('/', prefix.size());
  const std::string host_port = url.substr(prefix.size(), slash == std::string::npos ? std::string::npos : slash - prefix.size());
  if (url.compare(0, prefix.size(), prefix) != 0 || !chaos::parse_address(host_port, to)) {
    std::fprintf(stderr, "chaos probe: expected http://HOST:PORT/PATH, found \"%s\"\n", url.c_str());
    return 2;
  }
  const int code = chaos::http_get(to, slash == std::string::npos ? "/" : url.substr(slash), 5000);
  std::printf("chaos probe: %s -> %d\n", url.c_str(), code);
  return code >= 200 && code < 400 ? 0 : 1;
}

// As PID 1 the process must handle SIGTERM itself: the kernel's default does nothing.
int pause_until_stopped() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  int signal = 0;
  sigwait(&set, &signal);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "serve") return serve();
  if (command == "probe" && argc == 3) return probe(argv[2]);
  if (command == "dependency") chaos::run_dependency_standin();
  if (command == "pause") return pause_until_stopped();
  std::fprintf(stderr, "usage: chaos serve | chaos probe http://HOST:PORT/PATH | chaos dependency | chaos pause\n");
  return 2;
}
