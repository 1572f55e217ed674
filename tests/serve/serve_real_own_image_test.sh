#!/usr/bin/env bash
# deploysim serve --real with the user's own images (ctest labels serve and real): seed 004's
# one-task Kafka-like pair, whose task definitions say `networkMode: awsvpc` and give each
# container its `command`. Those members are not in the simulator's model, so the served
# scenario file must carry them from what was registered (harness/serve/real_mode_members.h):
# without them kafka runs the image's default process and cannot reach ZooKeeper on localhost,
# and CreateService's warm start never serves (it hung until the AWS CLI's read timeout). Then
# the registered revision deploys: kafka reaches ZooKeeper on localhost, the deployment completes. Skipped (SKIPPED:) when no Docker engine answers or DEPLOYSIM_SKIP_REAL=1.
#
# usage: serve_real_own_image_test.sh DEPLOYSIM   (the whole test)
#        serve_real_own_image_test.sh --client   (run by with_server.py)
set -uo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "FAIL: $*" >&2; exit 1; }
scenario=tests/real/scenarios/kafka-pair-awsvpc.json

if [ "${1:-}" != --client ]; then
  deploysim=$1
  if [ "${DEPLOYSIM_SKIP_REAL:-}" = 1 ]; then echo "SKIPPED: DEPLOYSIM_SKIP_REAL=1"; exit 0; fi
  docker info >/dev/null 2>&1 || { echo "SKIPPED: no Docker engine answers (docker/start-engine starts one)"; exit 0; }
  exec 9>>"${DEPLOYSIM_ENGINE_LOCK:-/tmp/deploysim-docker-engine.lock}"
  flock -s 9  # the machine-wide engine lock, shared, as every real test holds it
  tests/real/images/build-test-images || fail "the test images did not build"
  export DEPLOYSIM_TEST_RUNS=$(mktemp)
  trap 'rm -f "$DEPLOYSIM_TEST_RUNS"' EXIT
  start=$(date +%s)
  /usr/bin/python3 tests/serve/with_server.py "$deploysim" --no-service --real --time-scale 2 "$scenario" -- "$0" --client
  code=$?
  echo "serve --real own images test: $(( $(date +%s) - start )) s wall"
  [ "$code" -eq 0 ] || fail "the client part failed (exit $code)"
  run=$(cat "$DEPLOYSIM_TEST_RUNS")
  [ -n "$run" ] || fail "the client did not name the served run"
  [ -z "$(docker ps -aq --filter "label=deploysim.run=$run")" ] || fail "containers of run $run are left"
  echo "ok: no container of run $run is left"
  exit 0
fi

aws=(/usr/bin/aws --endpoint-url "$DEPLOYSIM_ENDPOINT" --output text)
cluster=(--cluster platform)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expect() {  # expect NAME ACTUAL EXPECTED
  [ "$2" = "$3" ] || fail "$1: expected \"$3\", found \"$2\""
  echo "ok: $1 = $3"
}

# The scenario's own definition and a registered one both keep what real mode runs by.
expect "kafka:3 as described: network mode, kafka's command" \
  "$("${aws[@]}" ecs describe-task-definition --task-definition kafka:3 \
     --query "[taskDefinition.networkMode, taskDefinition.containerDefinitions[?name=='kafka'].command[0] | [0]]")" \
  "awsvpc	/bin/sh"
python3 tests/serve/cli_input_task_definition.py "$scenario" 1 "$work/td.json"
expect "registered revision" \
  "$("${aws[@]}" ecs register-task-definition --cli-input-json "file://$work/td.json" --query taskDefinition.revision)" 5

"${aws[@]}" ecs create-service "${cluster[@]}" --service-name kafka --task-definition kafka:3 --desired-count 1 \
  --deployment-configuration 'maximumPercent=200,minimumHealthyPercent=0,deploymentCircuitBreaker={enable=true,rollback=true}' \
  >/dev/null || fail "create-service failed"
run=$(curl -sf "$DEPLOYSIM_ENDPOINT/_deploysim/state" |
  python3 -c 'import json,sys; print(next(s["realRun"] for s in json.load(sys.stdin)["services"] if s["service"] == "kafka"))')
echo "$run" >"$DEPLOYSIM_TEST_RUNS"
# One task: zookeeper and kafka in one network namespace (plus the namespace's holder).
running=$(docker ps --filter "label=deploysim.run=$run" --format '{{.Image}}' | sort | tr '\n' ' ')
grep -q 'deploysim-test/kafka-like:1' <<<"$running" && grep -q 'deploysim-test/zookeeper-like:1' <<<"$running" ||
  fail "the warm task is not both containers running: $running"
echo "ok: the warm task runs both containers: $running"

describe=("${aws[@]}" ecs describe-services "${cluster[@]}" --services kafka)
expect "the created service" "$("${describe[@]}" --query 'services[0].[deployments[0].rolloutState, runningCount]')" "COMPLETED	1"
expect "kafka:5 as registered: network mode, kafka's command" \
  "$("${aws[@]}" ecs describe-task-definition --task-definition kafka:5 \
     --query "[taskDefinition.networkMode, taskDefinition.containerDefinitions[?name=='kafka'].command[0] | [0]]")" \
  "awsvpc	/bin/sh"
"${aws[@]}" ecs update-service "${cluster[@]}" --service kafka --task-definition kafka:5 >/dev/null || fail "update-service failed"
state=""
deadline=$(( $(date +%s) + 150 ))  # wall seconds; each AWS CLI call takes a good part of one
while [ "$(date +%s)" -lt "$deadline" ]; do
  state=$("${describe[@]}" --query 'services[0].deployments[0].[taskDefinition,rolloutState]')
  grep -q 'kafka:5	COMPLETED' <<<"$state" && break
  grep -q FAILED <<<"$("${describe[@]}" --query 'services[0].deployments[].rolloutState')" &&
    fail "the deployment of kafka:5 failed: $("${describe[@]}" --query 'services[0].events[].message')"
  sleep 0.2
done
expect "PRIMARY after update-service" "$state" "arn:aws:ecs:us-east-1:123456789012:task-definition/kafka:5	COMPLETED"
stopped=$("${aws[@]}" ecs list-tasks "${cluster[@]}" --service-name kafka --desired-status STOPPED --output json --query taskArns)
ids=$(python3 -c 'import json,sys; print(" ".join(a.rsplit("/",1)[1] for a in json.loads(sys.argv[1])))' "$stopped")
if [ -n "$ids" ]; then
  # shellcheck disable=SC2086
  exits=$("${aws[@]}" ecs describe-tasks "${cluster[@]}" --tasks $ids --query "tasks[].stopCode" --output json)
  grep -q EssentialContainerExited <<<"$exits" && fail "a task stopped because a container exited: $exits"
fi
echo "ok: no task stopped because a container exited (kafka reached ZooKeeper on localhost)"

"${aws[@]}" ecs delete-service "${cluster[@]}" --service kafka --force >/dev/null || fail "delete-service failed"
deadline=$(( $(date +%s) + 60 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  [ "$("${describe[@]}" --query 'services[0].status')" = INACTIVE ] && break
  sleep 0.2
done
[ -z "$(docker ps -aq --filter "label=deploysim.run=$run")" ] || fail "containers of the deleted service remain"
echo "ok: delete-service removed every container of run $run"
echo "serve_real_own_image_test: all passed"
