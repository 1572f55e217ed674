#!/usr/bin/env bash
# The deploy step most pipelines run — and why it reports rolled-back deploys as successes.
#
#   deploy-naive.sh CLUSTER SERVICE TASK_DEFINITION
#
# `aws ecs wait services-stable` succeeds once the service has ONE deployment whose running count
# equals the desired count (botocore's ServicesStable waiter); it never reads rolloutState. When the
# circuit breaker rolls a failed deployment back, the old deployment is the only one left and runs
# at the desired count: the waiter returns 0 and this script says "deployed". Do not copy this one;
# copy deploy-checked.sh. (Set ECS_ENDPOINT_URL to run it against `deploysim serve`.)
set -euo pipefail
cluster=$1 service=$2 task_definition=$3
endpoint=()
if [ -n "${ECS_ENDPOINT_URL:-}" ]; then endpoint=(--endpoint-url "$ECS_ENDPOINT_URL"); fi

aws "${endpoint[@]}" ecs update-service --cluster "$cluster" --service "$service" \
  --task-definition "$task_definition" >/dev/null &&
  aws "${endpoint[@]}" ecs wait services-stable --cluster "$cluster" --services "$service"
echo "deployed $task_definition to $service"
