#include "harness/explain/counterfactuals.h"

#include <algorithm>

#include "sim/simulation.h"

namespace harness::explain {
namespace {

using sim::model::Scenario;
using sim::observe::Outcome;

std::string seconds_text(sim::Millis m) { return std::to_string(m.count() / 1000); }


int peak_memory_mib(const sim::model::AppProfile& app) {
  int peak = app.memory.empty() ? 64 : 0;
  for (const auto& p : app.memory) peak = std::max(peak, p.mib);
  return peak;
}

sim::model::TaskDefinition& deployed(Scenario& s) {
  return s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
}

void add_service_candidates(const Scenario& s, std::vector<Candidate>& out) {
  const auto& cb = s.service.deployment.circuit_breaker;
  if (!cb.enable || !cb.rollback)
    out.push_back({"deploymentCircuitBreaker {enable: true, rollback: true}", 2,
                   [](Scenario& x) { x.service.deployment.circuit_breaker.enable = x.service.deployment.circuit_breaker.rollback = true; }});
  const auto grace = s.service.health_check_grace_period;
  for (const int extra : {30, 60, 120, 300})
    out.push_back({"healthCheckGracePeriodSeconds " + seconds_text(grace) + " -> " +
                       std::to_string(grace.count() / 1000 + extra),
                   1 + extra / 60, [extra](Scenario& x) { x.service.health_check_grace_period += sim::seconds(extra); }});
  if (s.service.deployment.minimum_healthy_percent < 100)
    out.push_back({"minimumHealthyPercent " + std::to_string(s.service.deployment.minimum_healthy_percent) + " -> 100", 2,
                   [](Scenario& x) { x.service.deployment.minimum_healthy_percent = 100; }});
}

void add_target_group_candidates(const Scenario& s, std::vector<Candidate>& out) {
  if (!s.service.load_balancer) return;
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (const auto& c : td.containers) {
    if (c.name != s.service.container_name_for_lb) continue;
    for (const auto& [path, endpoint] : s.apps.at(c.image).endpoints)
      if (endpoint.kind == sim::model::EndpointKind::ready && path != s.service.load_balancer->path)
        out.push_back({"target group HealthCheckPath " + s.service.load_balancer->path + " -> " + path, 2,
                       [path](Scenario& x) { x.service.load_balancer->path = path; }});
  }
}

void add_task_definition_candidates(const Scenario& s, std::vector<Candidate>& out) {
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    const auto& c = td.containers[i];
    const auto& app = s.apps.at(c.image);
    const int peak = peak_memory_mib(app);
    if (c.memory_mib && *c.memory_mib < peak + peak / 4) {
      const int fixed = ((peak * 2 + 127) / 128) * 128;
      out.push_back({c.name + " memory " + std::to_string(*c.memory_mib) + " -> " + std::to_string(fixed) + " MiB", 1,
                     [i, fixed](Scenario& x) { deployed(x).containers[i].memory_mib = fixed; }});
    }
    for (const auto& phase : app.phases)
      for (const std::string& name : phase.reads)
        if (!c.environment.count(name) &&
            std::find(c.secrets.begin(), c.secrets.end(), name) == c.secrets.end())
          out.push_back({c.name + ": add environment variable " + name, 1,
                         [i, name](Scenario& x) { deployed(x).containers[i].environment[name] = "set"; }});
    if (c.health_check) {
      const auto probe = sim::model::parse_probe_command(c.health_check->command);
      const bool has = std::find(app.binaries.begin(), app.binaries.end(), probe.binary) != app.binaries.end();
      if (!probe.binary.empty() && !has)
        out.push_back({"image " + c.image + ": ship " + probe.binary + " for the health check", 2,
                       [image = c.image, bin = probe.binary](Scenario& x) {
                         x.apps.at(image).binaries.push_back(bin);
                         x.apps.at(image).binaries.push_back("sh");
                       }});
      out.push_back({c.name + " healthCheck.startPeriod " + seconds_text(c.health_check->start_period) + " -> " +
                         std::to_string(std::min<long long>(300, c.health_check->start_period.count() / 1000 + 120)),
                     2, [i](Scenario& x) {
                       auto& hc = *deployed(x).containers[i].health_check;
                       hc.start_period = std::min(sim::seconds(300), hc.start_period + sim::seconds(120));
                     }});
    }
  }
}

void add_environment_candidates(const Scenario& s, std::vector<Candidate>& out) {
  for (const std::string& secret : s.unreadable_secrets)
    out.push_back({"make secret " + secret + " readable (IAM / parameter store)", 1,
                   [secret](Scenario& x) { std::erase(x.unreadable_secrets, secret); }});
  for (std::size_t i = 0; i < s.dependencies.size(); ++i)
    if (!s.dependencies[i].reachable)
      out.push_back({"fix dependency " + s.dependencies[i].name + " (reachable)", 1,
                     [i](Scenario& x) { x.dependencies[i].reachable = true; }});
}

}  // namespace

std::vector<Outcome> goals_for(Outcome outcome, bool broken) {
  switch (outcome) {
    case Outcome::completed: return broken ? std::vector<Outcome>{Outcome::rolled_back} : std::vector<Outcome>{};
    case Outcome::rolled_back:
    case Outcome::failed: return {Outcome::completed};
    case Outcome::stuck: return {Outcome::completed, Outcome::rolled_back};
  }
  return {};
}

std::vector<Candidate> candidates(const Scenario& s) {
  std::vector<Candidate> out;
  add_service_candidates(s, out);
  add_target_group_candidates(s, out);
  add_task_definition_candidates(s, out);
  add_environment_candidates(s, out);
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
  return out;
}

WhatIf what_if(const Scenario& s, const std::vector<Outcome>& goals) {
  WhatIf w;
  w.goals = goals;
  for (const Candidate& c : candidates(s)) {
    Scenario copy = s;
    c.apply(copy);
    sim::Simulation simulation(copy, {.trace = false});
    const auto r = simulation.run();
    Tried t{c.change, c.cost, r.outcome, r.metrics.time_to_outcome};
    if (!w.smallest && std::find(goals.begin(), goals.end(), r.outcome) != goals.end()) w.smallest = t;
    w.tried.push_back(t);
  }
  return w;
}

}  // namespace harness::explain
