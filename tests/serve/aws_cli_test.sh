#!/usr/bin/env bash
# deploysim serve through the AWS CLI v2 from Debian (/usr/bin/aws), run by with_server.py against
# `deploysim serve scenarios/incidents/000-oom-128mb.json --time-scale 0`: register the library's
# task definition with --cli-input-json, create a service, update the seed-000 service to its OOM
# revision, then describe-services, list-tasks, describe-tasks, and `aws ecs wait services-stable`,
# which returns 0 although the deployment was rolled back (the waiter never reads rolloutState).
set -euo pipefail
cd "$(dirname "$0")/../.."
aws=(/usr/bin/aws --endpoint-url "$DEPLOYSIM_ENDPOINT" --output text)
cluster=(--cluster alia-bot-cluster)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect NAME ACTUAL EXPECTED
  [ "$2" = "$3" ] || fail "$1: expected \"$3\", found \"$2\""
  echo "ok: $1 = $3"
}
advance() { curl -sf -X POST "$DEPLOYSIM_ENDPOINT/_deploysim/advance" -d "{\"seconds\": $1}" >/dev/null; }

# The library's OOM task definition, as register-task-definition --cli-input-json takes it.
python3 tests/serve/cli_input_task_definition.py scenarios/incidents/000-oom-128mb.json 1 "$work/td.json"
expect "registered revision" \
  "$("${aws[@]}" ecs register-task-definition --cli-input-json "file://$work/td.json" --query taskDefinition.revision)" 28
expect "describe-task-definition memory" \
  "$("${aws[@]}" ecs describe-task-definition --task-definition alia-bot:28 --query 'taskDefinition.containerDefinitions[0].memory')" 128

expect "create-service" "$("${aws[@]}" ecs create-service --cluster alia-bot-cluster --service-name side \
  --task-definition alia-bot:26 --desired-count 1 --query service.status)" ACTIVE

"${aws[@]}" ecs update-service "${cluster[@]}" --service alia-bot-service --task-definition alia-bot:28 >/dev/null
expect "deployments right after update-service" \
  "$("${aws[@]}" ecs describe-services "${cluster[@]}" --services alia-bot-service --query 'length(services[0].deployments)')" 2
advance 600
/usr/bin/aws --endpoint-url "$DEPLOYSIM_ENDPOINT" ecs wait services-stable "${cluster[@]}" --services alia-bot-service \
  || fail "aws ecs wait services-stable did not return 0"
echo "ok: aws ecs wait services-stable returned 0"

describe=("${aws[@]}" ecs describe-services "${cluster[@]}" --services alia-bot-service)
expect "service taskDefinition after the rollback" \
  "$("${describe[@]}" --query 'services[0].taskDefinition')" \
  "arn:aws:ecs:us-east-1:123456789012:task-definition/alia-bot:26"
expect "PRIMARY rolloutState" "$("${describe[@]}" --query 'services[0].deployments[0].rolloutState')" COMPLETED
events=$("${describe[@]}" --query 'services[0].events[].message' --output json)
grep -q 'deployment failed: ' <<<"$events" || fail "no 'deployment failed' event in $events"
grep -q 'rolling back' <<<"$events" || fail "no 'rolling back' event in $events"
echo "ok: service events say the deployment failed and rolled back"

stopped=$("${aws[@]}" ecs list-tasks "${cluster[@]}" --service-name alia-bot-service --desired-status STOPPED \
  --query 'taskArns' --output json)
count=$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$stopped")
# 3 OOM-killed alia-bot:28 tasks, plus the old task the deployment replaced (minimumHealthyPercent 0).
expect "stopped tasks" "$count" 4
ids=$(python3 -c 'import json,sys; print(" ".join(a.rsplit("/",1)[1] for a in json.loads(sys.argv[1])))' "$stopped")
# shellcheck disable=SC2086
oom=$("${aws[@]}" ecs describe-tasks "${cluster[@]}" --tasks $ids \
  --query "tasks[?stopCode=='EssentialContainerExited'].containers[0].[exitCode,reason]" --output json)
expect "OOM-killed tasks (exit 137, OutOfMemoryError)" \
  "$(python3 -c 'import json,sys; t=json.loads(sys.argv[1]); print(sum(1 for c,r in t if c==137 and r.startswith("OutOfMemoryError")))' "$oom")" 3
echo "aws_cli_test: all passed"
