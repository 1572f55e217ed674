#include "harness/docker/image_profiler.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <thread>

#include "harness/docker/stats_stream.h"
#include "harness/docker/target_prober.h"

namespace harness::docker {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// True when a TCP connection to ip:port is accepted within 200 ms: the app listens.
bool tcp_connects(const std::string& ip, int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  bool connected = inet_pton(AF_INET, ip.c_str(), &address.sin_addr) == 1 &&
                   connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  if (!connected && errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    int error = 0;
    socklen_t length = sizeof error;
    connected = poll(&p, 1, 200) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
  }
  close(fd);
  return connected;
}

// The image's first exposed TCP port, or 0.
int exposed_port(const nlohmann::json& image) {
  const nlohmann::json ports = image["Config"].value("ExposedPorts", nlohmann::json::object());
  for (const auto& [key, unused] : ports.items())
    if (key.size() > 4 && key.substr(key.size() - 4) == "/tcp") return std::stoi(key);
  return 0;
}

nlohmann::json create_config(const ProfileOptions& o, const std::string& run_label) {
  nlohmann::json env = nlohmann::json::array();
  for (const auto& [name, value] : o.environment) env.push_back(name + "=" + value);
  nlohmann::json host = {{"NetworkMode", "bridge"}};
  if (o.memory_limit_mib > 0) {
    host["Memory"] = static_cast<std::int64_t>(o.memory_limit_mib) << 20;
    host["MemorySwap"] = static_cast<std::int64_t>(o.memory_limit_mib) << 20;
  }
  return {{"Image", o.image}, {"Env", env}, {"Labels", {{kRunLabel, run_label}}}, {"HostConfig", host}};
}

// One run: start, watch every 100 ms until the duration is over or the container exits, its
// memory from the stats stream.
ProfileRun watch_one_run(const DockerClient& docker, const ProfileOptions& o, int port, bool image_check,
                         const std::string& run_label, int index) {
  ProfileRun run;
  const std::string id = docker.create_container(run_label + "-" + std::to_string(index), create_config(o, run_label));
  try {
    docker.start_container(id);
    const Clock::time_point start = Clock::now();
    StatsStream stats(docker, id);
    const std::string ip = docker.inspect_container(id)["NetworkSettings"]["IPAddress"].get<std::string>();
    while (seconds_since(start) < static_cast<double>(o.duration.count())) {
      const nlohmann::json state = docker.inspect_container(id)["State"];
      const double now = seconds_since(start);
      // Each object the engine streamed since the last turn, timed as it came (within 100 ms).
      for (const int mib : stats.read_available()) run.memory.push_back({now, mib});
      if (!state.value("Running", false)) {
        run.exit_code = state.value("ExitCode", -1);
        run.oom_killed = state.value("OOMKilled", false);
        break;
      }
      if (!run.listening_seconds && port != 0 && tcp_connects(ip, port)) run.listening_seconds = now;
      if (!run.healthy_seconds) {
        const bool healthy = image_check ? state.value("Health", nlohmann::json::object()).value("Status", "") == "healthy"
                             : !o.health_path.empty() && run.listening_seconds
                                 ? probe_target_now({ip, port, o.health_path, {200}}, std::chrono::seconds(2)).pass
                                 : false;
        if (healthy) run.healthy_seconds = seconds_since(start);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  } catch (...) {
    docker.remove_container(id);
    throw;
  }
  docker.remove_container(id);
  return run;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// The "apps" member: start-up until the port listens (median, spread as jitter), the health
// endpoint, and the memory curve: each second, the largest sample of any run (the simulator's
// OOM kill is at the limit, so the worst run is the one to play); a flat stretch keeps its ends.
nlohmann::json app_from_runs(const ProfileOptions& o, int port, const std::vector<ProfileRun>& runs) {
  nlohmann::json app = {{"runImage", true}, {"port", port}, {"phases", nlohmann::json::array()}};
  std::vector<double> listening;
  for (const ProfileRun& r : runs)
    if (r.listening_seconds) listening.push_back(*r.listening_seconds);
  if (!listening.empty()) {
    const double m = std::max(median(listening), 0.001);
    app["phases"].push_back({{"name", "start (measured: until the port listens)"}, {"seconds", std::round(m * 1000) / 1000}});
    const auto [low, high] = std::minmax_element(listening.begin(), listening.end());
    app["startupJitter"] = {std::clamp(static_cast<int>(*low / m * 1000), 0, 1000),
                            std::clamp(static_cast<int>(*high / m * 1000), 1000, 10000)};
  }
  if (!o.health_path.empty()) app["endpoints"] = {{o.health_path, {{"kind", "live"}}}};
  nlohmann::json memory = nlohmann::json::array();
  for (int at = 0; at <= static_cast<int>(o.duration.count()); ++at) {
    int mib = 0;
    for (const ProfileRun& r : runs)
      for (const MemorySample& sample : r.memory)
        if (sample.at_seconds >= at - 0.5 && sample.at_seconds < at + 0.5) mib = std::max(mib, sample.mib);
    if (mib == 0) continue;
    // A point between two of the same value adds nothing to a linear curve.
    if (memory.size() >= 2 && memory[memory.size() - 1]["mib"] == mib && memory[memory.size() - 2]["mib"] == mib)
      memory.erase(memory.end() - 1);
    memory.push_back({{"atSeconds", at}, {"mib", mib}});
  }
  if (!memory.empty()) app["memory"] = memory;
  return app;
}

}  // namespace

ImageProfile profile_image(const DockerClient& docker, const ProfileOptions& o) {
  if (!docker.ping()) throw DockerError(no_engine_message(docker.socket_path()));
  const Reply image = docker.request("GET", "/images/" + o.image + "/json");
  if (image.status == 404)
    throw DockerError("no image " + o.image + " in the local engine; deploysim never pulls one: `docker pull " +
                      o.image + "` or `docker load -i FILE.tar` first");
  const nlohmann::json info = image.json();
  ImageProfile profile;
  profile.port = o.port != 0 ? o.port : exposed_port(info);
  const bool image_check = o.health_path.empty() && info["Config"].contains("Healthcheck") &&
                           !info["Config"]["Healthcheck"].is_null();
  const std::string run_label = "profile-" + std::to_string(getpid());
  for (int i = 0; i < o.runs; ++i) profile.runs.push_back(watch_one_run(docker, o, profile.port, image_check, run_label, i));
  profile.app = app_from_runs(o, profile.port, profile.runs);
  return profile;
}

std::string describe_profile(const ImageProfile& p) {
  std::ostringstream out;
  auto seconds = [](const std::optional<double>& s) {
    std::ostringstream t;
    if (s) t << std::fixed << std::setprecision(2) << *s << " s";
    else t << "never";
    return t.str();
  };
  for (std::size_t i = 0; i < p.runs.size(); ++i) {
    const ProfileRun& r = p.runs[i];
    int peak = 0;
    for (const MemorySample& s : r.memory) peak = std::max(peak, s.mib);
    out << "run " << i + 1 << ": listening on " << p.port << " after " << seconds(r.listening_seconds)
        << ", health check passing after " << seconds(r.healthy_seconds) << ", memory peak " << peak << " MiB ("
        << r.memory.size() << " samples from the stats stream)";
    if (r.exit_code) out << ", exited " << *r.exit_code << (r.oom_killed ? " (OOMKilled)" : "");
    out << "\n";
  }
  return out.str();
}

}  // namespace harness::docker
