#include "harness/explain/counterfactuals.h"

#include <algorithm>

#include "sim/model/configured_value.h"
#include "sim/simulation.h"
#include "sim/world/container_plan.h"

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
    for (const auto& [ready_path, endpoint] : s.apps.at(c.image).endpoints) {
      // A copy: clang 14 cannot capture a structured binding.
      const std::string path = ready_path;
      if (endpoint.kind == sim::model::EndpointKind::ready && path != s.service.load_balancer->path)
        out.push_back({"target group HealthCheckPath " + s.service.load_balancer->path + " -> " + path, 2,
                       [path](Scenario& x) { x.service.load_balancer->path = path; }});
    }
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
    // Every variable the app reads and the container lacks, as one change: a task definition
    // update adds them together.
    std::vector<std::string> missing;
    for (const auto& phase : app.phases)
      for (const std::string& name : phase.reads)
        if (!c.environment.count(name) && std::find(c.secrets.begin(), c.secrets.end(), name) == c.secrets.end() &&
            std::find(missing.begin(), missing.end(), name) == missing.end())
          missing.push_back(name);
    if (!missing.empty()) {
      std::string names;
      for (const auto& n : missing) names += (names.empty() ? "" : ", ") + n;
      out.push_back({c.name + ": set " + names, 1, [i, missing](Scenario& x) {
                       for (const auto& n : missing) deployed(x).containers[i].environment[n] = "set";
                     }});
    }
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

// Changes to the app itself (its image): how it binds, waits and reports health.
void add_app_candidates(const Scenario& s, std::vector<Candidate>& out) {
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (const auto& c : td.containers) {
    const std::string image = c.image;
    const auto& app = s.apps.at(image);
    if (app.bind_address == "127.0.0.1")
      out.push_back({"app " + image + ": listen on 0.0.0.0 instead of 127.0.0.1", 1,
                     [image](Scenario& x) { x.apps.at(image).bind_address = "0.0.0.0"; }});
    std::vector<std::string> deps;
    for (const auto& phase : app.phases) {
      for (const auto& d : phase.connects_to)
        if (std::find(deps.begin(), deps.end(), d) == deps.end()) deps.push_back(d);
    }
    for (std::size_t p = 0; p < app.phases.size(); ++p) {
      const auto& phase = app.phases[p];
      if (phase.connects_to.empty()) continue;
      if (phase.on_unavailable == sim::model::OnUnavailable::exit)
        out.push_back({"app " + image + ": retry " + phase.connects_to.front() + " for 60 s instead of exiting", 2,
                       [image, p](Scenario& x) {
                         auto& ph = x.apps.at(image).phases[p];
                         ph.on_unavailable = sim::model::OnUnavailable::wait;
                         ph.wait_timeout = sim::seconds(60);
                       }});
      if (phase.on_unavailable == sim::model::OnUnavailable::wait)
        out.push_back({"app " + image + ": wait " + seconds_text(phase.wait_timeout * 2) + " s for " +
                           phase.connects_to.front() + " (twice as long)",
                       2, [image, p](Scenario& x) { x.apps.at(image).phases[p].wait_timeout *= 2; }});
    }
    // A health endpoint that answers 200 whatever the dependencies do can be made strict.
    if (!s.service.load_balancer || c.name != s.service.container_name_for_lb || deps.empty()) continue;
    const std::string path = s.service.load_balancer->path;
    const auto it = app.endpoints.find(path);
    if (it != app.endpoints.end() && it->second.kind != sim::model::EndpointKind::ready)
      out.push_back({"app " + image + ": " + path + " answers 503 while its dependencies are down", 3,
                     [image, path, deps](Scenario& x) {
                       x.apps.at(image).endpoints[path] = sim::model::Endpoint{sim::model::EndpointKind::ready, deps};
                     }});
  }
}

// A URL setting the client refuses (seed 002's REDIS_URL): the value with the first scheme the
// dependency lists (https:// when it lists none), written where the value lives (environment, or
// the secret's value).
void add_url_candidates(const Scenario& s, std::vector<Candidate>& out) {
  const int deployed = s.deploy.to_task_definition;
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(deployed));
  for (std::size_t c = 0; c < td.containers.size(); ++c) {
    for (const auto& unusable : sim::world::unusable_dependencies(s, td.containers[c])) {
      const std::string& name = unusable.first;
      const auto dep = std::find_if(s.dependencies.begin(), s.dependencies.end(),
                                    [&](const auto& d) { return d.name == name; });
      const std::string variable = dep->url_variable;
      const std::string scheme = dep->schemes.empty() ? "https" : dep->schemes.front();
      const std::string value = *sim::model::configured_value(s, td.containers[c], variable);
      const std::string rest = value.find("://") == std::string::npos ? value : value.substr(value.find("://") + 3);
      const std::string fixed = scheme + "://" + rest;
      out.push_back({"set " + variable + " of container " + td.containers[c].name + " to \"" + fixed + "\"", 1,
                     [deployed, c, variable, fixed](Scenario& x) {
                       auto& container = x.task_definitions[static_cast<std::size_t>(deployed)].containers[c];
                       if (container.environment.count(variable)) container.environment[variable] = fixed;
                       else x.secret_values[container.secret_sources.at(variable)] = fixed;
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
  add_url_candidates(s, out);
}

}  // namespace

std::vector<Outcome> goals_for(Outcome outcome, bool broken) {
  switch (outcome) {
    case Outcome::completed: return broken ? std::vector<Outcome>{Outcome::rolled_back} : std::vector<Outcome>{};
    case Outcome::rolled_back:
    case Outcome::failed: return {Outcome::completed};
    case Outcome::stuck: return {Outcome::completed, Outcome::rolled_back};
    case Outcome::steady_state: return {};  // no deployment to explain
  }
  return {};
}

std::vector<Candidate> candidates(const Scenario& s) {
  std::vector<Candidate> out;
  add_service_candidates(s, out);
  add_target_group_candidates(s, out);
  add_task_definition_candidates(s, out);
  add_environment_candidates(s, out);
  add_app_candidates(s, out);
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
  return out;
}

namespace {

Tried simulate(const Scenario& s, const std::vector<const Candidate*>& changes) {
  Scenario copy = s;
  Tried t;
  for (const Candidate* c : changes) {
    c->apply(copy);
    t.change += (t.change.empty() ? "" : " + ") + c->change;
    t.cost += c->cost;
  }
  sim::Simulation simulation(copy, {.trace = false});
  const auto r = simulation.run();
  t.outcome = r.outcome;
  t.time_to_outcome = r.metrics.time_to_outcome;
  return t;
}

// Keeps `t` for every goal it reaches more cheaply than what was found so far.
void consider(WhatIf& w, const Tried& t) {
  for (std::size_t g = 0; g < w.goals.size(); ++g)
    if (t.outcome == w.goals[g] && (!w.smallest[g] || t.cost < w.smallest[g]->cost)) w.smallest[g] = t;
}

bool all_reached(const WhatIf& w) {
  return std::all_of(w.smallest.begin(), w.smallest.end(), [](const auto& s) { return s.has_value(); });
}

}  // namespace

WhatIf what_if(const Scenario& s, const std::vector<Outcome>& goals) {
  WhatIf w;
  w.goals = goals;
  w.smallest.assign(goals.size(), std::nullopt);
  const std::vector<Candidate> all = goals.empty() ? std::vector<Candidate>{} : candidates(s);
  for (const Candidate& c : all) {
    w.tried.push_back(simulate(s, {&c}));
    consider(w, w.tried.back());
  }
  // A goal no single change reaches: two changes together, among the cheapest few (the missing
  // variable and a longer grace period, say). The cheapest pair that works wins.
  constexpr std::size_t kPairPool = 8;
  const std::size_t pool = std::min(all.size(), kPairPool);
  for (std::size_t i = 0; i < pool && !all_reached(w); ++i)
    for (std::size_t j = i + 1; j < pool; ++j) {
      ++w.pairs_tried;
      consider(w, simulate(s, {&all[i], &all[j]}));
    }
  return w;
}

}  // namespace harness::explain
