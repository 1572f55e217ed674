#!/usr/bin/env bash
# A deploy step that fails when ECS rolls the deployment back. Copy it into your pipeline.
#
#   deploy-checked.sh CLUSTER SERVICE TASK_DEFINITION
#
# It remembers the id of the deployment its UpdateService created and watches that deployment's
# rolloutState: COMPLETED is success; FAILED — or the deployment gone from the service, replaced by
# the rollback — is failure, with the service's latest events printed. Exit 0 deployed, 1 failed
# or rolled back, 2 still not done after DEPLOY_TIMEOUT_SECONDS (default 1800). POLL_SECONDS
# (default 15) is the pause between checks. Set ECS_ENDPOINT_URL to run it against
# `deploysim serve`.
set -euo pipefail
cluster=$1 service=$2 task_definition=$3
poll=${POLL_SECONDS:-15}
timeout=${DEPLOY_TIMEOUT_SECONDS:-1800}
endpoint=()
if [ -n "${ECS_ENDPOINT_URL:-}" ]; then endpoint=(--endpoint-url "$ECS_ENDPOINT_URL"); fi
ecs() { aws "${endpoint[@]}" ecs "$@"; }

deployment=$(ecs update-service --cluster "$cluster" --service "$service" --task-definition "$task_definition" \
  --query 'service.deployments[?status==`PRIMARY`] | [0].id' --output text)
echo "started deployment $deployment of $task_definition"

started=$SECONDS
while :; do
  # rolloutState and rolloutStateReason of our deployment; "None None" once it is gone.
  read -r state reason < <(ecs describe-services --cluster "$cluster" --services "$service" \
    --query "services[0].deployments[?id=='$deployment'] | [0].[rolloutState, rolloutStateReason]" --output text)
  case $state in
    COMPLETED)
      echo "deployed $task_definition to $service ($reason)"
      exit 0 ;;
    FAILED | None)
      [ "$state" = None ] && reason="deployment $deployment is no longer on the service (rolled back)"
      echo "deploy of $task_definition FAILED: $reason" >&2
      echo "latest service events:" >&2
      ecs describe-services --cluster "$cluster" --services "$service" \
        --query 'services[0].events[:8].message' --output text | tr '\t' '\n' | sed 's/^/  /' >&2
      exit 1 ;;
  esac
  if (( SECONDS - started >= timeout )); then
    echo "deploy of $task_definition not finished after ${timeout} s (rolloutState $state)" >&2
    exit 2
  fi
  sleep "$poll"
done
