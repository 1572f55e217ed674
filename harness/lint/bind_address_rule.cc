// bind-localhost-with-lb: an app listening on 127.0.0.1 answers checks run inside its container
// but not the load balancer, which probes the task's address from outside
// (sim/world/app_endpoint.cc refuses a load-balancer probe of a 127.0.0.1 bind). The target never
// gets healthy.
#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "seed 003: the FastAPI app bound to localhost instead of 0.0.0.0, so the load balancer's "
    "health checks could never reach it";

}  // namespace

void check_bind_localhost_with_lb(const LintContext& context, Findings& out) {
  const sim::model::ServiceConfig& service = context.scenario.service;
  if (!service.load_balancer) return;
  for (const sim::model::ContainerDefinition& container : context.deployed().containers) {
    if (container.name != service.container_name_for_lb) continue;
    const sim::model::AppProfile* profile = context.profile(container);
    if (profile == nullptr || profile->bind_address != "127.0.0.1") continue;
    out.add(Severity::error, "bind-localhost-with-lb",
            context.source.app(container.image, "/bindAddress"),
            container.image + " listens on 127.0.0.1 only, but container \"" + container.name +
                "\" is the load balancer's target: the target group cannot reach it",
            kWhy);
  }
}

}  // namespace harness::lint
