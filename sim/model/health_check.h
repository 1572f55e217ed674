// Health-check settings as ECS and ELBv2 name them. Plain data; the state machines that play
// them live in sim/ecs/container_health.h and sim/ecs/target_health.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"

namespace sim::model {

// A container health check (task definition `healthCheck`), run by Docker inside the container.
// Defaults and ranges: AWS API_HealthCheck (ecs-rules §5).
struct ContainerHealthCheck {
  // ["CMD-SHELL", "wget -q --spider http://localhost:8081/health || exit 1"] or ["CMD", ...].
  std::vector<std::string> command;
  Millis interval = seconds(30);    // default 30 s, ECS range 5-300 s
  Millis timeout = seconds(5);      // default 5 s, ECS range 2-60 s
  int retries = 3;                  // default 3, ECS range 1-10
  Millis start_period = seconds(0);  // default 0 (off), ECS range 0-300 s
};

// What a probe command asks for, read from `command` by parse_probe_command().
struct ProbeCommand {
  std::string binary;  // "wget", "curl", "/app/probe" ... ; empty for a command we cannot read
  std::string host;    // "localhost", "127.0.0.1", ... (empty when the command names no URL)
  int port = 0;
  std::string path;    // "/health" ...
};

// Reads the binary and URL out of a CMD or CMD-SHELL health-check command. Unknown shapes give an
// empty binary (the check then runs whatever the image's app profile says a bare command does).
ProbeCommand parse_probe_command(const std::vector<std::string>& command);

// True for a ["CMD-SHELL", ...] command: Docker runs it through the image's shell, so the image
// needs `sh` as well as the command's binary (ecs-rules §5; a scratch image has neither).
bool needs_shell(const std::vector<std::string>& command);

// A load balancer target group's health-check settings (ELBv2 names in the scenario format).
// Defaults are the ALB ones for HTTP target groups (ecs-rules §6).
struct TargetGroupHealthCheck {
  std::string name = "tg";
  std::string path = "/";            // HealthCheckPath, default "/"
  int port = 0;                      // HealthCheckPort; 0 means "traffic port"
  Millis interval = seconds(30);      // HealthCheckIntervalSeconds, default 30, range 5-300
  Millis timeout = seconds(5);        // HealthCheckTimeoutSeconds, default 5 (ecs-rules open q. 9), 2-120
  int healthy_threshold = 5;         // HealthyThresholdCount, default 5, range 2-10
  int unhealthy_threshold = 2;       // UnhealthyThresholdCount, default 2, range 2-10
  std::vector<int> matcher = {200};  // Matcher.HttpCode: the codes that count as healthy
  Millis deregistration_delay = seconds(300);  // deregistration_delay.timeout_seconds, 0-3600
};

}  // namespace sim::model
