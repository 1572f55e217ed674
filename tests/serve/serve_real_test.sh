#!/usr/bin/env bash
# deploysim serve --real through the AWS CLI v2 from Debian (/usr/bin/aws), ctest labels serve and
# real: the served service's tasks are real Docker containers. Skipped (SKIPPED:, exit 0, matched
# by SKIP_REGULAR_EXPRESSION) when no Docker engine answers or DEPLOYSIM_SKIP_REAL=1.
#
# usage: serve_real_test.sh DEPLOYSIM            (the whole test: a server, the client, the checks)
#        serve_real_test.sh --client            (the client part, run by with_server.py)
#
# Seed 000 through the API, for real: register the 128 MiB revision, create the service on
# alia-bot:26 (warm: its task is a running container, the deployment COMPLETED), create a second
# service, update the first to the OOM revision, see the deployment FAILED while ECS rolls back,
# `aws ecs wait services-stable` returns 0, describe-services shows the service back on
# alia-bot:26 and describe-tasks the three OOM kills (exit 137). The control endpoint's advance is
# refused; DeleteService removes that service's containers, SIGTERM the other's; a container
# without our label survives all of it.
set -uo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "${1:-}" != --client ]; then
  deploysim=$1
  if [ "${DEPLOYSIM_SKIP_REAL:-}" = 1 ]; then echo "SKIPPED: DEPLOYSIM_SKIP_REAL=1"; exit 0; fi
  docker info >/dev/null 2>&1 || { echo "SKIPPED: no Docker engine answers (docker/start-engine starts one)"; exit 0; }
  # The machine-wide engine lock, shared, as every real test holds it (tests/real/real_test.sh):
  # another ctest run's dockerd-stopped takes it alone and must not stop dockerd under this run
  # (it did once: this test hung until its timeout while another tree's suite ran beside it).
  exec 9>>"${DEPLOYSIM_ENGINE_LOCK:-/tmp/deploysim-docker-engine.lock}"
  flock -s 9
  docker image inspect deploysim-chaos:latest >/dev/null 2>&1 ||
    fail "no image deploysim-chaos:latest: cmake --build build --target chaos_image"
  bystander=deploysim-serve-bystander-$$
  docker create --name "$bystander" --label not-ours=1 deploysim-chaos:latest >/dev/null || fail "no bystander"
  # The client names each served run here (other users' runs on the engine are none of ours).
  export DEPLOYSIM_TEST_RUNS=$(mktemp)
  trap 'docker rm -f "$bystander" >/dev/null 2>&1; rm -f "$DEPLOYSIM_TEST_RUNS"' EXIT
  start=$(date +%s)
  /usr/bin/python3 tests/serve/with_server.py "$deploysim" --no-service --real --time-scale 2 \
    scenarios/incidents/000-oom-128mb.json -- "$0" --client
  code=$?
  echo "serve --real test: $(( $(date +%s) - start )) s wall"
  [ "$code" -eq 0 ] || fail "the client part failed (exit $code)"
  [ "$(wc -l <"$DEPLOYSIM_TEST_RUNS")" -eq 2 ] || fail "the client did not name the two served runs"
  while read -r run; do
    [ -z "$(docker ps -aq --filter "label=deploysim.run=$run")" ] || fail "containers of run $run are left after SIGTERM"
  done <"$DEPLOYSIM_TEST_RUNS"
  echo "ok: SIGTERM removed every container of the served runs ($(tr '\n' ' ' <"$DEPLOYSIM_TEST_RUNS"))"
  [ -n "$(docker ps -aq --filter "name=$bystander")" ] || fail "the container without our label was removed"
  echo "ok: the container without our label is still there"
  exit 0
fi

aws=(/usr/bin/aws --endpoint-url "$DEPLOYSIM_ENDPOINT" --output text)
cluster=(--cluster alia-bot-cluster)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expect() {  # expect NAME ACTUAL EXPECTED
  [ "$2" = "$3" ] || fail "$1: expected \"$3\", found \"$2\""
  echo "ok: $1 = $3"
}
run_of() {  # the real run id (label deploysim.run) of service $1, noted for the checks after SIGTERM
  curl -sf "$DEPLOYSIM_ENDPOINT/_deploysim/state" |
    python3 -c 'import json,sys; print(next(s["realRun"] for s in json.load(sys.stdin)["services"] if s["service"] == sys.argv[1]))' "$1" |
    tee -a "$DEPLOYSIM_TEST_RUNS"
}
running_containers() { docker ps -q --filter "label=deploysim.run=$1" | wc -l; }

python3 tests/serve/cli_input_task_definition.py scenarios/incidents/000-oom-128mb.json 1 "$work/td.json"
expect "registered revision (128 MiB)" \
  "$("${aws[@]}" ecs register-task-definition --cli-input-json "file://$work/td.json" --query taskDefinition.revision)" 28

configuration='maximumPercent=200,minimumHealthyPercent=0,deploymentCircuitBreaker={enable=true,rollback=true}'
created=$("${aws[@]}" ecs create-service "${cluster[@]}" --service-name alia-bot-service --task-definition alia-bot:26 \
  --desired-count 1 --deployment-configuration "$configuration" --output json) || fail "create-service failed"
echo "$created" | python3 -c '
import json, sys
s = json.load(sys.stdin)["service"]
d = s["deployments"]
assert len(d) == 1 and d[0]["rolloutState"] == "COMPLETED" and s["runningCount"] == 1, s
print("ok: create-service starts warm:", d[0]["id"], d[0]["rolloutState"], "-", d[0]["rolloutStateReason"], "- running", s["runningCount"])' ||
  fail "the created service is not warm and COMPLETED"
run=$(run_of alia-bot-service)
[ "$(running_containers "$run")" -ge 1 ] || fail "no running container labelled deploysim.run=$run"
echo "ok: its task is a running container: $(docker ps --filter "label=deploysim.run=$run" --format '{{.Names}} {{.Image}} {{.Status}}')"
"${aws[@]}" ecs create-service "${cluster[@]}" --service-name side --task-definition alia-bot:26 --desired-count 1 >/dev/null ||
  fail "create-service side failed"
side=$(run_of side)

refused=$(curl -s -X POST "$DEPLOYSIM_ENDPOINT/_deploysim/advance" -d '{"seconds": 600}')
grep -q 'cannot advance time' <<<"$refused" || fail "advance was not refused: $refused"
echo "ok: the control endpoint refuses to advance real time: $refused"

"${aws[@]}" ecs update-service "${cluster[@]}" --service alia-bot-service --task-definition alia-bot:28 >/dev/null ||
  fail "update-service failed"
# Meanwhile service side moves to an image registered only now, which the scenario has no profile
# for: the chaos app plays the default app (serve.md), and that deployment completes.
expect "registered an image the scenario does not know" "$("${aws[@]}" ecs register-task-definition --family web-new \
  --container-definitions '[{"name":"web","image":"web-new:1","memory":256,"essential":true,"portMappings":[{"containerPort":8080}]}]' \
  --query taskDefinition.taskDefinitionArn)" "arn:aws:ecs:us-east-1:123456789012:task-definition/web-new:1"
"${aws[@]}" ecs update-service "${cluster[@]}" --service side --task-definition web-new:1 >/dev/null ||
  fail "update-service side failed"
describe=("${aws[@]}" ecs describe-services "${cluster[@]}" --services alia-bot-service)
# The breaker trips on the third OOM kill (about 2 min of run time, 1 min of wall time at 2x); the
# FAILED deployment is listed while its last task stops.
failed=""
for _ in $(seq 1 400); do
  failed=$("${describe[@]}" --query "services[0].deployments[?rolloutState=='FAILED'].[id,taskDefinition,rolloutStateReason]")
  [ -n "$failed" ] && break
  sleep 0.2
done
[ -n "$failed" ] || fail "describe-services never showed the deployment FAILED"
echo "ok: describe-services shows the deployment FAILED: $failed"

/usr/bin/aws --endpoint-url "$DEPLOYSIM_ENDPOINT" ecs wait services-stable "${cluster[@]}" --services alia-bot-service ||
  fail "aws ecs wait services-stable did not return 0"
echo "ok: aws ecs wait services-stable returned 0"
expect "service taskDefinition after the rollback" "$("${describe[@]}" --query 'services[0].taskDefinition')" \
  "arn:aws:ecs:us-east-1:123456789012:task-definition/alia-bot:26"
# The waiter reads no rolloutState: it may return while the rollback's task runs but is not yet
# counted healthy, the PRIMARY (ecs-svc/0 again) still IN_PROGRESS. It completes soon after.
state=""
for _ in $(seq 1 300); do
  state=$("${describe[@]}" --query 'services[0].deployments[0].[id,rolloutState,rolloutStateReason]')
  grep -q COMPLETED <<<"$state" && break
  sleep 0.2
done
expect "PRIMARY after the rollback" "$state" "ecs-svc/0	COMPLETED	ECS deployment ecs-svc/0 completed."
expect "running tasks" "$("${describe[@]}" --query 'services[0].runningCount')" 1
events=$("${describe[@]}" --query 'services[0].events[].message' --output json)
grep -q 'deployment failed: ' <<<"$events" || fail "no 'deployment failed' event in $events"
grep -q 'rolling back' <<<"$events" || fail "no 'rolling back' event in $events"
echo "ok: service events say the deployment failed and rolled back"

stopped=$("${aws[@]}" ecs list-tasks "${cluster[@]}" --service-name alia-bot-service --desired-status STOPPED --output json \
  --query taskArns)
ids=$(python3 -c 'import json,sys; print(" ".join(a.rsplit("/",1)[1] for a in json.loads(sys.argv[1])))' "$stopped")
# shellcheck disable=SC2086
oom=$("${aws[@]}" ecs describe-tasks "${cluster[@]}" --tasks $ids \
  --query "tasks[?stopCode=='EssentialContainerExited'].containers[0].[exitCode,reason]" --output json)
expect "OOM-killed tasks (exit 137 from the kernel, OutOfMemoryError)" \
  "$(python3 -c 'import json,sys; t=json.loads(sys.argv[1]); print(sum(1 for c,r in t if c==137 and r.startswith("OutOfMemoryError")))' "$oom")" 3

"${aws[@]}" ecs delete-service "${cluster[@]}" --service alia-bot-service --force >/dev/null || fail "delete-service failed"
status=""
for _ in $(seq 1 300); do
  status=$("${describe[@]}" --query 'services[0].status')
  [ "$status" = INACTIVE ] && break
  sleep 0.2
done
expect "status after delete-service --force" "$status" INACTIVE
[ -z "$(docker ps -aq --filter "label=deploysim.run=$run")" ] || fail "containers of the deleted service remain"
echo "ok: delete-service removed every container of run $run"
expect "service side on the newly registered image" "$("${aws[@]}" ecs describe-services "${cluster[@]}" --services side \
  --query 'services[0].deployments[0].[taskDefinition,rolloutState]')" \
  "arn:aws:ecs:us-east-1:123456789012:task-definition/web-new:1	COMPLETED"
[ "$(running_containers "$side")" -ge 1 ] || fail "the other service's container is gone"
echo "ok: service side still runs (run $side), left for SIGTERM"
echo "serve_real_test: all passed"
