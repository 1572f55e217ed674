// How the simulated app answers an HTTP probe at an instant, and when that answer can next
// change. Both are pure functions of the container's plan and the dependency schedule, which is
// what lets health checks be predicted instead of simulated probe by probe.
#pragma once

#include <string>

#include "sim/ecs/health_status.h"
#include "sim/model/app_profile.h"
#include "sim/model/health_check.h"
#include "sim/world/container_plan.h"
#include "sim/world/dependency_schedule.h"

namespace sim::world {

// Where a probe comes from: inside the container (Docker's check, any bind address works) or
// from the load balancer (only a 0.0.0.0 bind is reachable).
enum class ProbeOrigin { container, load_balancer };

struct HttpProbe {
  ProbeOrigin origin = ProbeOrigin::container;
  int port = 0;      // 0: the app's port
  std::string path = "/";
  std::vector<int> healthy_codes = {200};
  // The profile's endpoint at `path`, resolved once per run (nullptr: the app answers 404).
  const model::Endpoint* endpoint = nullptr;
  // Resolved with it: the probe reaches the app's listener at all (its port, and from the load
  // balancer an app bound to 127.0.0.1 only is out of reach). Asked on every probe, so it is not
  // worked out from the profile's strings each time.
  bool reaches_listener = true;
};

// The HTTP status an app answers on `endpoint` (nullptr: a path it does not serve), given whether
// its start-up has finished and `up(name)` telling which dependencies are up. One rule for both
// worlds: the simulated app and the chaos app in docker/ answer through it.
template <typename DependencyUp>
int endpoint_status_code(const model::Endpoint* endpoint, bool started, DependencyUp&& up) {
  if (endpoint == nullptr) return started ? 404 : 503;
  switch (endpoint->kind) {
    case model::EndpointKind::live:
      return 200;
    case model::EndpointKind::degraded:
      return started ? 200 : 503;
    case model::EndpointKind::ready:
      if (!started) return 503;
      for (const std::string& dep : endpoint->checks)
        if (!up(dep)) return 503;
      return 200;
  }
  return 500;
}

// Resolves `probe.endpoint` and `probe.reaches_listener` against the profile the probe will hit.
HttpProbe resolved(HttpProbe probe, const model::AppProfile& profile);

class AppEndpoint {
 public:
  AppEndpoint(const model::AppProfile& profile, const ContainerPlan& plan,
              const DependencySchedule& deps)
      : profile_(profile), plan_(plan), deps_(deps) {}

  // The answer to `probe` started at `t`.
  ecs::ProbeOutcome answer(const HttpProbe& probe, Millis t) const;

  // The first instant > t at which answer(probe, ·) may differ from answer(probe, t).
  Millis next_change(const HttpProbe& probe, Millis t) const;

 private:
  int status_code(const model::Endpoint* endpoint, Millis t) const;

  const model::AppProfile& profile_;
  const ContainerPlan& plan_;
  const DependencySchedule& deps_;
};

// Docker's container check: the command's binary must exist in the image (and `sh` for
// CMD-SHELL), else the check fails at once with exit 127 (seed 004's missing wget).
bool image_can_run(const model::AppProfile& profile, const std::vector<std::string>& command);

}  // namespace sim::world
