#include "harness/report/config_rows.h"

#include <algorithm>

#include "sim/ecs/deployment_bounds.h"

namespace harness::report {
namespace {

using sim::model::ContainerDefinition;
using sim::model::Scenario;

// A row and the words of an `explain` change that would touch it ("alia-bot memory", ...).
struct KeyedRow {
  ConfigRow row;
  std::vector<std::string> keys;
};

std::string seconds_text(sim::Millis m) { return sim::format_seconds(m); }

std::string health_check_text(const ContainerDefinition* c) {
  if (c == nullptr || !c->health_check) return "none";
  const auto& hc = *c->health_check;
  std::string cmd;
  for (const std::string& part : hc.command) cmd += (cmd.empty() ? "" : " ") + part;
  return cmd + " (interval " + seconds_text(hc.interval) + ", retries " + std::to_string(hc.retries) +
         ", startPeriod " + seconds_text(hc.start_period) + ")";
}

std::string variables_text(const ContainerDefinition* c) {
  if (c == nullptr) return "";
  std::string out;
  for (const auto& [name, value] : c->environment) out += (out.empty() ? "" : ", ") + name;
  for (const std::string& name : c->secrets) out += (out.empty() ? "" : ", ") + name + " (secret)";
  return out.empty() ? "none" : out;
}

std::string memory_text(const sim::model::TaskDefinition& td, const ContainerDefinition* c) {
  if (c == nullptr) return "";
  if (c->memory_mib) return std::to_string(*c->memory_mib);
  return td.memory_mib ? std::to_string(*td.memory_mib) + " (task)" : "no limit";
}

const ContainerDefinition* find_container(const sim::model::TaskDefinition& td, const std::string& name) {
  for (const auto& c : td.containers)
    if (c.name == name) return &c;
  return nullptr;
}

void add(std::vector<KeyedRow>& rows, std::string setting, std::string before, std::string after,
         std::vector<std::string> keys) {
  ConfigRow r{std::move(setting), std::move(before), std::move(after), false, false};
  r.changed_by_deploy = r.before != r.after;
  rows.push_back({std::move(r), std::move(keys)});
}

void service_rows(const Scenario& s, int threshold, std::vector<KeyedRow>& rows) {
  const auto& svc = s.service;
  const auto& dc = svc.deployment;
  const auto b = sim::ecs::task_bounds(svc.desired_count, dc.minimum_healthy_percent, dc.maximum_percent);
  auto same = [&](std::string setting, const std::string& v, std::vector<std::string> keys) {
    add(rows, std::move(setting), v, v, std::move(keys));
  };
  same("desiredCount", std::to_string(svc.desired_count), {});
  same("minimumHealthyPercent",
       std::to_string(dc.minimum_healthy_percent) + " (at least " + std::to_string(b.min_healthy_tasks) + " healthy)",
       {"minimumHealthyPercent"});
  same("maximumPercent", std::to_string(dc.maximum_percent) + " (at most " + std::to_string(b.max_tasks) + " tasks)", {});
  const auto& cb = dc.circuit_breaker;
  same("deploymentCircuitBreaker",
       cb.enable ? std::string("enable, rollback ") + (cb.rollback ? "on" : "off") + ", threshold " +
                       std::to_string(threshold) + " failed tasks"
                 : "disabled",
       {"deploymentCircuitBreaker"});
  same("rules", s.rule_set, {});
  same("healthCheckGracePeriodSeconds", std::to_string(svc.health_check_grace_period.count() / 1000),
       {"healthCheckGracePeriodSeconds"});
  if (svc.load_balancer) {
    const auto& lb = *svc.load_balancer;
    same("target group HealthCheckPath", lb.path, {"HealthCheckPath"});
    same("target group check", "every " + seconds_text(lb.interval) + ", healthy " +
                                   std::to_string(lb.healthy_threshold) + ", unhealthy " +
                                   std::to_string(lb.unhealthy_threshold), {});
  }
  for (const std::string& secret : s.unreadable_secrets)
    same("secret " + secret, "unreadable by the task", {"secret " + secret});
}

void container_rows(const Scenario& s, std::vector<KeyedRow>& rows) {
  const auto& from = s.task_definitions.at(static_cast<std::size_t>(s.initial_task_definition));
  const auto& to = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (const ContainerDefinition& c : to.containers) {
    const ContainerDefinition* old = find_container(from, c.name);
    const std::string& n = c.name;
    add(rows, n + " image", old ? old->image : "", c.image, {"image " + c.image, "app " + c.image});
    add(rows, n + " memory (MiB)", memory_text(from, old), memory_text(to, &c), {n + " memory"});
    add(rows, n + " healthCheck", health_check_text(old), health_check_text(&c), {n + " healthCheck", "image " + c.image});
    add(rows, n + " environment and secrets", variables_text(old), variables_text(&c), {n + ": set"});
  }
}

}  // namespace

std::vector<ConfigRow> config_rows(const Scenario& s, int breaker_threshold, const harness::explain::WhatIf& what_if) {
  std::vector<KeyedRow> rows;
  service_rows(s, breaker_threshold, rows);
  container_rows(s, rows);
  std::vector<ConfigRow> out;
  for (KeyedRow& k : rows) {
    for (const auto& smallest : what_if.smallest) {
      if (!smallest) continue;
      for (const std::string& key : k.keys)
        if (smallest->change.find(key) != std::string::npos) k.row.decisive = true;
    }
    out.push_back(std::move(k.row));
  }
  return out;
}

}  // namespace harness::report
