// cluster-capacity: on EC2, ECS places every task it launches on the cluster's memory (Fargate
// brings its own). A deploy first runs the tasks it replaces next to the new ones maximumPercent
// allows, and ends with desiredCount new tasks; when the cluster cannot hold either, ECS reports
// "unable to place a task ... insufficient memory available" (ecs-rules §8) and the circuit
// breaker counts the launch as a failed task: "a task is a failure if the scheduler cannot launch
// it" (ecs-rules §1.3; sim/world/simulated_world.cc launch_task).
// A stopped task holds its memory until it is deprovisioned, so the old tasks count in the first
// step even when minimumHealthyPercent lets ECS stop them at once.
#include <algorithm>

#include "harness/lint/rules.h"
#include "sim/ecs/deployment_bounds.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "incident 102 (from ECS users' reports, no seed): an EC2 cluster without room for "
    "maximumPercent's extra tasks: \"unable to place a task because no container instance met "
    "all of its requirements ... insufficient memory available\", each counted by the breaker";

// What a task reserves on the cluster: the same number the simulated world places by.
int task_memory_mib(const sim::model::TaskDefinition& definition) {
  return static_cast<int>(definition.placement_memory_mib());
}

// "2 worker:8 tasks of 1024 MiB"
std::string tasks_of(int count, const sim::model::TaskDefinition& definition) {
  return std::to_string(count) + " " + definition.arn_name() + " task" + (count == 1 ? "" : "s") +
         " of " + std::to_string(task_memory_mib(definition)) + " MiB";
}

}  // namespace

void check_cluster_capacity(const LintContext& context, Findings& out) {
  const sim::model::ServiceConfig& service = context.scenario.service;
  if (service.launch_type != sim::model::LaunchType::ec2 || !service.cluster_memory_mib) return;
  const int n = service.desired_count;
  if (n < 1) return;
  const sim::model::DeploymentConfiguration& deployment = service.deployment;
  const int extra = std::max(
      0, sim::ecs::task_bounds(n, deployment.minimum_healthy_percent, deployment.maximum_percent)
                 .max_tasks -
             n);
  const int old_mib = task_memory_mib(context.initial());
  const int new_mib = task_memory_mib(context.deployed());
  const int first_step_mib = n * old_mib + extra * new_mib;
  const int finished_mib = n * new_mib;
  const int cluster_mib = *service.cluster_memory_mib;
  if (std::max(first_step_mib, finished_mib) <= cluster_mib) return;
  const std::string need =
      first_step_mib >= finished_mib
          ? "the deploy's first step runs " + tasks_of(n, context.initial()) + " next to the " +
                tasks_of(extra, context.deployed()) + " maximumPercent " +
                std::to_string(deployment.maximum_percent) + " lets ECS start: " +
                std::to_string(first_step_mib) + " MiB"
          : "the finished deploy runs " + tasks_of(n, context.deployed()) + ": " +
                std::to_string(finished_mib) + " MiB";
  out.add(Severity::error, "cluster-capacity", context.source.platform("/clusterMemoryMiB"),
          "clusterMemoryMiB " + std::to_string(cluster_mib) + " is short: " + need +
              "; ECS cannot place the rest and the circuit breaker counts each as a failed task",
          kWhy);
}

}  // namespace harness::lint
