// The built-in scenario `deploysim` runs when it is given none. Its text is the file
// scenarios/examples/default.json (a test keeps the two identical).
#include "harness/scenario/default_scenario.h"

namespace harness::scenario {

std::string_view default_scenario_json() {
  static constexpr std::string_view kJson = R"json(
{
  "name": "default-checkout-rollback",
  "description": "A small rolling deploy that rolls back: checkout:8 never gets ready, the circuit breaker trips on its third failed task and ECS rolls back to checkout:7.",
  "story": "checkout 1.8 renamed its Redis setting from REDIS_HOST to REDIS_URL, but the task definition checkout:8 was cloned from checkout:7 and still passes REDIS_HOST (the stale-config class of seed 001). The new process waits forever for a variable that never comes: it stays up but never listens, so /health/ready never answers and the target never turns healthy. After the 60 s grace period (start-up takes ~15 s, and a target that failed its first checks needs 2 passes to recover) ECS replaces each such task on its failed ELB health checks; with desiredCount 2 the breaker threshold is max(3, ceil(0.5 x 2)) = 3, so the third failed task trips it and the service rolls back to checkout:7. The old tasks keep serving throughout because minimumHealthyPercent is 100.",
  "source": "built in (deploysim's default scenario)",
  "expect": { "outcome": "ROLLED_BACK", "timeToOutcomeSeconds": { "max": 240 }, "failedTasks": 3, "belowDesiredHealthySeconds": { "max": 0 } },
  "seed": 7,
  "horizonSeconds": 3600,
  "rules": "current",
  "probeMode": "predictive",
  "stopAtOutcome": true,
  "service": {
    "serviceName": "checkout",
    "cluster": "demo",
    "desiredCount": 2,
    "launchType": "FARGATE",
    "deploymentConfiguration": {
      "minimumHealthyPercent": 100,
      "maximumPercent": 200,
      "deploymentCircuitBreaker": { "enable": true, "rollback": true }
    },
    "healthCheckGracePeriodSeconds": 60,
    "loadBalancers": [
      {
        "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-tg/0123456789abcdef",
        "containerName": "checkout",
        "containerPort": 8080
      }
    ]
  },
  "targetGroup": {
    "TargetGroupName": "checkout-tg",
    "HealthCheckPath": "/health/ready",
    "HealthCheckPort": "traffic-port",
    "HealthCheckIntervalSeconds": 10,
    "HealthCheckTimeoutSeconds": 5,
    "HealthyThresholdCount": 2,
    "UnhealthyThresholdCount": 2,
    "Matcher": { "HttpCode": "200" },
    "DeregistrationDelaySeconds": 30
  },
  "taskDefinitions": [
    {
      "family": "checkout",
      "revision": 7,
      "cpu": "256",
      "memory": "512",
      "containerDefinitions": [
        {
          "name": "checkout",
          "image": "checkout:1.7",
          "essential": true,
          "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }],
          "environment": [{ "name": "REDIS_HOST", "value": "redis.internal:6379" }]
        }
      ]
    },
    {
      "family": "checkout",
      "revision": 8,
      "cpu": "256",
      "memory": "512",
      "containerDefinitions": [
        {
          "name": "checkout",
          "image": "checkout:1.8",
          "essential": true,
          "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }],
          "environment": [{ "name": "REDIS_HOST", "value": "redis.internal:6379" }]
        }
      ]
    }
  ],
  "initialTaskDefinition": "checkout:7",
  "deploy": { "taskDefinition": "checkout:8", "atSeconds": 0 },
  "apps": {
    "checkout:1.7": {
      "phases": [
        { "name": "load config", "seconds": 2, "reads": ["REDIS_HOST"], "onMissing": "exit" },
        { "name": "connect redis", "seconds": 3, "connectsTo": ["redis"], "onUnavailable": "wait" },
        { "name": "warm cache", "seconds": 10 }
      ],
      "port": 8080,
      "endpoints": {
        "/health/live": { "kind": "live" },
        "/health/ready": { "kind": "ready", "checks": ["redis"] }
      },
      "memory": [{ "atSeconds": 0, "mib": 60 }, { "atSeconds": 15, "mib": 180 }],
      "startupJitter": [800, 1200]
    },
    "checkout:1.8": {
      "phases": [
        { "name": "load config", "seconds": 2, "reads": ["REDIS_URL"], "onMissing": "stall" },
        { "name": "connect redis", "seconds": 3, "connectsTo": ["redis"], "onUnavailable": "wait" },
        { "name": "warm cache", "seconds": 10 }
      ],
      "port": 8080,
      "endpoints": {
        "/health/live": { "kind": "live" },
        "/health/ready": { "kind": "ready", "checks": ["redis"] }
      },
      "memory": [{ "atSeconds": 0, "mib": 60 }, { "atSeconds": 15, "mib": 180 }],
      "startupJitter": [800, 1200]
    }
  },
  "dependencies": [{ "name": "redis", "readyAfterSeconds": 0 }],
  "platform": {
    "provisioningSeconds": 2,
    "pullSeconds": 5,
    "activatingSeconds": 0,
    "deprovisioningSeconds": 1,
    "jitter": [800, 1200]
  }
}
)json";
  return kJson.substr(1);  // the text starts after the newline that follows R"json(
}

}  // namespace harness::scenario
