#!/usr/bin/env bash
# Real-mode tests (ctest label `real`): `deploysim real` and `compare` against the local Docker
# engine, checked from the outside — the JSON summary and event log the command writes, and
# `docker ps -a` (the Docker CLI) for what is left on the engine.
#
# usage: real_test.sh DEPLOYSIM CASE     (run from the source tree)
# No engine is a failure that says why; DEPLOYSIM_SKIP_REAL=1 skips (exit 77), loudly.
set -uo pipefail
deploysim=$1
case_name=$2
scale=${DEPLOYSIM_REAL_TIME_SCALE:-0.05}
work=$(mktemp -d)
proxy_pid=""
bystander=""
on_exit() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
  kill $(jobs -p) 2>/dev/null
  [ -n "$bystander" ] && docker rm -f "$bystander" >/dev/null 2>&1
  rm -rf "$work"
}
trap on_exit EXIT

fail() {
  echo "FAIL: $*" >&2
  # The run's last events: the cause of a failure that does not repeat is in them.
  if [ -s "$work/events.jsonl" ]; then echo "the run's last events:" >&2; tail -n 40 "$work/events.jsonl" >&2; fi
  exit 1
}

if [ "${DEPLOYSIM_SKIP_REAL:-}" = 1 ]; then
  echo "SKIPPED: real-mode test $case_name skipped because DEPLOYSIM_SKIP_REAL=1" >&2
  exit 77
fi

# The engine may be shared with real tests of other ctest runs (other build trees, other users):
# RESOURCE_LOCK orders the tests of one ctest run only. So every test here looks at and acts on
# its own runs' containers alone (by run id, or by the pid that begins a run id: new_run_id), and
# holds the machine-wide engine lock shared while it runs; a test that disturbs the whole engine
# (dockerd-stopped) takes it exclusively, so it never stops dockerd under another test's run.
engine_lock=${DEPLOYSIM_ENGINE_LOCK:-/tmp/deploysim-docker-engine.lock}
exec 9>>"$engine_lock"
if [ "$case_name" = dockerd-stopped ]; then
  flock -x -w 240 9 || { echo "SKIPPED: other real tests kept the engine busy for 240 s; stopping dockerd would fail them" >&2; exit 77; }
else
  flock -s 9
fi

docker info >/dev/null 2>&1 ||
  fail "no Docker engine answers (docker info failed): start one as root with \`dockerd &\` (scripts/test does), or set DEPLOYSIM_SKIP_REAL=1 to skip real-mode tests"

# Containers of the run with this id (any state): must be none once the command has returned.
ours() { docker ps -aq --filter "label=deploysim.run=$1"; }
# Containers (any state) of the runs of process $1 (a run id begins with its process's pid).
of_pid() {
  docker ps -a --filter label=deploysim.run --format '{{.ID}} {{.Label "deploysim.run"}}' | sed -n "s/^\([0-9a-f]*\) $1-.*/\1/p"
}
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# Runs `deploysim real FILE` with a JSON summary and event log; checks nothing is left behind.
# start_real starts it ($run_pid), finish_real waits for it: what runs between them may act on
# the run by its pid (wait_for_task 1 "$run_pid").
real_run() {
  start_real "$@"
  finish_real
}
start_real() {
  local file=$1; shift
  "$deploysim" real --json --time-scale "$scale" --events "$work/events.jsonl" "$@" "$file" >"$work/summary.json" &
  run_pid=$!
  run_file=$file
}
finish_real() {
  local file=$run_file
  wait "$run_pid"
  local code=$?
  [ -s "$work/summary.json" ] || fail "deploysim real $file printed no summary (exit $code)"
  run_id=$(field "$work/summary.json" 'd["real"]["run"]')
  echo "run $run_id: $(field "$work/summary.json" 'd["outcome"]'), wall $(field "$work/summary.json" 'd["real"]["wallSeconds"]') s at scale $scale"
  [ -z "$(ours "$run_id")" ] || fail "containers of run $run_id are still there: $(ours "$run_id")"
  return $code
}
# Runs `deploysim compare FILE` into $work/compare.txt (its real run's event log into
# $work/events.jsonl); fails when the outcomes differ or its real run left a container.
compare_run() {
  "$deploysim" compare --time-scale "$scale" --events "$work/events.jsonl" "$1" >"$work/compare.txt" &
  compare_pid=$!
  wait "$compare_pid" || { cat "$work/compare.txt"; fail "compare: outcomes differ"; }
  [ -z "$(of_pid "$compare_pid")" ] || fail "containers left after compare: $(of_pid "$compare_pid")"
}
expect_field() {
  local got
  got=$(field "$work/summary.json" "$1")
  [ "$got" = "$2" ] || fail "$1: expected $2, got $got"
}
expect_event() {
  grep -q "$1" "$work/events.jsonl" || fail "no event matching $1 in the event log"
}

# The fault proxy (fault_proxy.py) between this test's driver and the engine: $proxy is the socket
# to give `deploysim real --socket`, `tell CMD` a command for it. Only this test's run sees faults.
start_proxy() {
  proxy=$work/proxy.sock
  python3 tests/real/fault_proxy.py "$proxy" /var/run/docker.sock "$work/control" 2>"$work/proxy.log" &
  proxy_pid=$!
  for _ in $(seq 1 50); do [ -S "$proxy" ] && [ -p "$work/control" ] && return; sleep 0.1; done
  fail "the fault proxy did not start: $(cat "$work/proxy.log")"
}
tell() { echo "$*" >"$work/control"; }
# The proxy reads its commands on its own time: after "back", wait (at most 10 s) until the engine
# answers through it again.
wait_for_proxy() {
  for _ in $(seq 1 100); do docker -H "unix://$proxy" info >/dev/null 2>&1 && return; sleep 0.1; done
  fail "the proxy did not come back"
}
# Waits for the old dockerd to be gone, then for an engine to answer: one that restarts by itself
# (systemd), else one started as docker/start-engine does. True once `docker info` answers.
ensure_engine() {
  for _ in $(seq 1 300); do
    [ -n "${dockerd_pid:-}" ] && kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.1
  done
  for _ in $(seq 1 50); do docker info >/dev/null 2>&1 && return 0; sleep 0.1; done
  (setsid dockerd >>/tmp/deploysim-dockerd.log 2>&1 9>&- &)  # without the engine lock's fd
  for _ in $(seq 1 300); do docker info >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}
# True while process $1 runs (not once it is a zombie, before `wait`).
alive() { [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
# Containers of task $1 of process $2's run that are running.
task_containers() {
  local id
  for id in $(docker ps -q --filter "label=deploysim.task=$1"); do
    docker inspect -f '{{index .Config.Labels "deploysim.run"}}' "$id" 2>/dev/null | grep -q "^$2-" && echo "$id"
  done
}
# Waits (at most 60 s) until a container of task $1 of process $2's run is running: the run's
# clock has started and the deploy is under way.
wait_for_task() {
  for _ in $(seq 1 600); do
    [ -n "$(task_containers "$1" "$2")" ] && return
    sleep 0.1
  done
  fail "no container of task $1 ever ran"
}
# A container that is not ours, which no path may touch.
start_bystander() {
  bystander=deploysim-bystander-$$
  docker create --name "$bystander" --label not-ours=1 deploysim-chaos:latest >/dev/null ||
    fail "could not create the bystander container"
}
first_container_and_2s() {
  for _ in $(seq 1 100); do [ -n "$(of_pid "$1")" ] && break; sleep 0.1; done
  [ -n "$(of_pid "$1")" ] || fail "the run created no container to clean up"
  sleep 2
}
# Runs scenario $4 (default: the 10-minute one), sends SIG$1 (number $2) when the command $3
# returns, and checks the exit code 128+$2, the word of it, that nothing of ours is left and the
# bystander is.
interrupted_run() {
  start_bystander
  "$deploysim" real --time-scale "$scale" "${4:-scenarios/real/004-wget-loop-breaker-off-10min.json}" >"$work/out.txt" 2>&1 &
  local pid=$!
  $3 "$pid"
  kill -"$1" "$pid"
  wait "$pid"
  local code=$?
  cat "$work/out.txt"
  [ "$code" -eq $((128 + $2)) ] || fail "expected exit $((128 + $2)) after SIG$1, got $code"
  grep -q "interrupted by signal $2" "$work/out.txt" || fail "no word of the interruption"
  local run_id
  run_id=$(sed -n 's/^deploysim: real run \([0-9-]*\) interrupted.*/\1/p' "$work/out.txt")
  [ -n "$run_id" ] || fail "the message does not say which run was interrupted"
  [ -z "$(ours "$run_id")" ] || fail "containers left after SIG$1: $(ours "$run_id")"
  expect_bystander
}
# The id of the run an engine failure stopped, from its error message in $work/err.txt.
stopped_run_id() {
  local id
  id=$(sed -n 's/^deploysim: real run \([0-9-]*\) stopped: .*/\1/p' "$work/err.txt")
  [ -n "$id" ] || fail "the error does not say which run stopped"
  echo "$id"
}
# `deploysim real --cleanup --run ID [FLAGS]`, after which none of that run's containers is left.
cleanup_run() {
  local id=$1; shift
  "$deploysim" real --cleanup --run "$id" "$@" || fail "--cleanup failed"
  [ -z "$(ours "$id")" ] || fail "containers left after --cleanup: $(ours "$id")"
}
expect_bystander() {
  [ -n "$(docker ps -aq --filter "name=$bystander")" ] || fail "the container without our label was removed"
}

case $case_name in
  seed-000-oom)
    # Given 128 MiB for an app that needs 253, the kernel OOM-kills each new task (exit 137),
    # the breaker trips on the third failure and the service rolls back.
    real_run scenarios/incidents/000-oom-128mb.json || fail "expectations not met"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_field 'd["metrics"]["oom_kills"]' 3
    expect_field 'd["metrics"]["failed_tasks"]' 3
    expect_event '"exitCode":137'
    expect_event 'OutOfMemoryError: Container killed due to memory usage'
    expect_event 'State.OOMKilled true'
    expect_event '"failedTasks":3'
    ;;
  seed-000-fixed)
    real_run scenarios/incidents/000-fixed-512mb.json || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    expect_field 'd["metrics"]["oom_kills"]' 0
    ;;
  seed-000-compare)
    compare_run scenarios/incidents/000-oom-128mb.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "compare did not agree"
    ;;
  timeline-fix-during-rollback)
    # Given a timeline (alia-bot:27 at 0 s, the fix alia-bot:28 at 210 s): real mode plays both
    # calls at their times, as the simulator does. 27 is OOM-killed three times and rolled back;
    # the fix lands during the rollback, becomes PRIMARY and completes. compare: the outcome and
    # the sequence of deployments agree.
    scenario=tests/real/scenarios/timeline-fix-during-rollback.json
    "$deploysim" compare --time-scale "$scale" "$scenario" >"$work/compare.txt" ||
      { cat "$work/compare.txt"; fail "compare: outcomes differ"; }
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated COMPLETED, real COMPLETED" "$work/compare.txt" || fail "compare did not agree"
    grep -q "^deployments AGREE:" "$work/compare.txt" || fail "the sequences of deployments differ"
    grep -q "real       ecs-svc/1 IN_PROGRESS, ecs-svc/1 FAILED, ecs-svc/0 IN_PROGRESS (rollback), ecs-svc/2 IN_PROGRESS, ecs-svc/2 COMPLETED$" \
      "$work/compare.txt" || fail "real mode did not fail 27, roll back, then complete the fix during the rollback"
    real_run "$scenario" || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    expect_field 'd["metrics"]["oom_kills"]' 3
    python3 - "$work/events.jsonl" <<'PY' || fail "the timeline's calls were not played at their times"
import json, sys
events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
calls = [e for e in events if e["kind"] == "service_updated"]
print("calls played:", [(e["origin"], e["t_ms"]) for e in calls])
assert [e["origin"] for e in calls] == ["timeline[0]", "deploy"], calls
# Each at its run time: the clock's timers fire a few real milliseconds late, never early.
assert 0 <= calls[0]["t_ms"] < 2000 and 210000 <= calls[1]["t_ms"] < 212000, calls
PY
    ;;
  steady-state-scale-out-and-in)
    # Given no deployment ("deploy": "none") and a timeline of desiredCount 2 at 20 s, 1 at 120 s:
    # one task is started and one stopped, no deployment, STEADY_STATE at the horizon, as simulated.
    scenario=tests/real/scenarios/steady-state-scale-out-and-in.json
    real_run "$scenario" || fail "expectations not met"
    expect_field 'd["outcome"]' STEADY_STATE
    expect_field 'd["metrics"]["tasks_launched"]' 1
    expect_event 'Scaling activity initiated by (deployment ecs-svc/0)'
    "$deploysim" compare --time-scale "$scale" "$scenario" >"$work/compare.txt" ||
      { cat "$work/compare.txt"; fail "compare: outcomes differ"; }
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated STEADY_STATE, real STEADY_STATE" "$work/compare.txt" || fail "compare did not agree"
    grep -q "^deployments AGREE:" "$work/compare.txt" || fail "the sequences of deployments differ"
    ;;
  depends-on)
    # Given an init container (dependsOn SUCCESS) and a sidecar (dependsOn HEALTHY) before the app:
    # when the new migration fails, the app never starts and every task fails to start, as the
    # simulator says; when it succeeds, the app starts only after migrate exited 0 and proxy is
    # HEALTHY, and the deploy completes as simulated.
    compare_run scenarios/real/init-migration-fails.json
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "no agreed rollback"
    real_run scenarios/real/init-migration-fails.json || fail "expectations not met"
    expect_field 'd["metrics"]["failed_tasks"]' 3
    grep -q 'CannotStartContainerError: dependsOn condition of container app can no longer be met' "$work/events.jsonl" ||
      fail "no task stopped with the dependsOn CannotStartContainerError"
    real_run scenarios/real/init-migration-succeeds.json || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    python3 - "$work/events.jsonl" <<'PY' || fail "the app started before its dependsOn conditions held"
import json, sys
events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
new = [e for e in events if e.get("task") == 1]
def at(pred):
    return next(e["t_ms"] for e in new if pred(e))
migrated = at(lambda e: e["kind"] == "container_exited" and e["detail"].startswith("migrate:") and e["exitCode"] == 0)
proxy_healthy = at(lambda e: e["kind"] == "container_health" and e["container"] == "proxy" and e["healthStatus"] == "HEALTHY")
app_started = at(lambda e: e["kind"] == "container_started" and e["container"] == "app")
print(f"migrate exited 0 at {migrated} ms, proxy HEALTHY at {proxy_healthy} ms, app started at {app_started} ms")
sys.exit(0 if app_started >= max(migrated, proxy_healthy) else 1)
PY
    ;;
  seed-004-breaker-on)
    # Given a CMD-SHELL wget check in a FROM scratch image, Docker cannot even start /bin/sh:
    # every new task turns UNHEALTHY, the third trips the breaker and the service rolls back.
    real_run scenarios/incidents/004-wget-loop-breaker-on.json || fail "expectations not met"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_field 'd["metrics"]["failed_tasks"]' 3
    expect_event '"healthStatus":"UNHEALTHY"'
    expect_event 'stat /bin/sh: no such file or directory'
    ;;
  seed-004-fixed)
    # Given the same check in an image that ships wget (by its profile), the check runs — as the
    # chaos app's own probe of the same URL — passes, and the deploy completes.
    real_run scenarios/incidents/004-wget-fixed-probe-binary.json || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    expect_event '"healthStatus":"HEALTHY"'
    ;;
  seed-004-breaker-off)
    # With the breaker off the same loop never ends: STUCK at the (10-minute) horizon.
    real_run scenarios/real/004-wget-loop-breaker-off-10min.json || fail "expectations not met"
    expect_field 'd["outcome"]' STUCK
    expect_field 'd["end"]' 'horizon reached'
    ;;
  seed-004-real-no-wget)
    # Given seed 004 with the apps' own images (runImage): the new image has no wget, so Docker
    # runs the CMD-SHELL check as written and sh cannot find wget; with the breaker on, the third
    # UNHEALTHY task trips it and the service rolls back; with it off, the deployment loops until
    # the horizon. `compare` agrees with the simulator on the first.
    tests/real/images/build-test-images || fail "the test images did not build"
    compare_run tests/real/scenarios/004-real-image-no-wget-breaker-on.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "no agreed rollback"
    real_run tests/real/scenarios/004-real-image-no-wget-breaker-off.json || fail "expectations not met"
    expect_field 'd["outcome"]' STUCK
    expect_event '"healthStatus":"UNHEALTHY"'
    expect_event 'wget: not found'
    [ -z "$(docker ps -aq --filter ancestor=deploysim-test/busybox-web:no-wget --filter "label=deploysim.run=$run_id")" ] ||
      fail "a container of the test image is left"
    ;;
  seed-004-real-with-wget)
    # Given the same check in the image that ships wget, it runs inside the container, the
    # container turns HEALTHY and the deploy completes, as simulated.
    tests/real/images/build-test-images || fail "the test images did not build"
    compare_run tests/real/scenarios/004-real-image-with-wget.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated COMPLETED, real COMPLETED" "$work/compare.txt" || fail "no agreed completion"
    # The old task stops as its profile says (no ignoresSigterm): exit 0 on SIGTERM, not the
    # SIGKILL at stopTimeout (137) that busybox httpd as PID 1 got.
    real_run tests/real/scenarios/004-real-image-with-wget.json || fail "expectations not met"
    python3 - "$work/events.jsonl" <<'PY' || fail "the old task's container did not exit 0 on SIGTERM"
import json, sys
exits = [e for e in map(json.loads, open(sys.argv[1])) if e["kind"] == "container_exited" and e["task"] == 0]
print("old task's exit:", exits)
sys.exit(0 if len(exits) == 1 and exits[0]["exitCode"] == 0 else 1)
PY
    ;;
  5xx-alarm-real-image)
    # Given a real image whose new revision answers 500 on every fifth request (ERROR_EVERY=5) yet
    # passes its health checks: with the 5xx-share alarm, the load generator's measured answers
    # put it in ALARM during the bake and the service rolls back, as simulated; without the alarm
    # the deploy completes and the report counts the 5xx users got.
    tests/real/images/build-test-images || fail "the test images did not build"
    compare_run tests/real/scenarios/5xx-alarm-real-image.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "no agreed rollback"
    grep -Eq "^  target 5xx +[0-9]+ \([0-9.]+ %\) +[1-9][0-9]* \(" "$work/compare.txt" || fail "no measured 5xx in the comparison"
    real_run tests/real/scenarios/5xx-no-alarm-real-image.json || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    python3 - "$work/summary.json" <<'PY' || fail "the report does not show the measured 5xx of the new revision"
import json, sys
traffic = json.load(open(sys.argv[1]))["traffic"]
new = [r for r in traffic["by_revision"] if r["deployment"] == "ecs-svc/1"][0]
share = new["errors_5xx"] / new["requests"]
print(f"measured: {traffic['requests']} requests, {traffic['target_5xx']} target 5xx; new revision {new['errors_5xx']}/{new['requests']} = {share:.1%}")
sys.exit(0 if 0.15 <= share <= 0.25 else 1)
PY
    ;;
  bridge-dynamic-ports)
    # Given a real image in networkMode bridge with hostPort 0, each task's containerPort 8081 is
    # published on a host port the engine picks, bound to 127.0.0.1 only, and the driver's probes
    # and requests reach the task there (the summary's targets, checked against what Docker bound
    # while the run went on). Four tasks listen on 8081 at once mid-rollout, which only dynamic
    # host ports allow on one host; the deploy completes and both revisions served requests.
    tests/real/images/build-test-images || fail "the test images did not build"
    start_real tests/real/scenarios/bridge-dynamic-ports.json
    : >"$work/bindings.txt"
    while alive "$run_pid"; do
      for id in $(of_pid "$run_pid"); do
        docker inspect -f '{{index .Config.Labels "deploysim.task"}} {{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' \
          "$id" 2>/dev/null
      done >>"$work/bindings.txt"
      sleep 0.2
    done
    finish_real || fail "expectations not met"
    expect_field 'd["outcome"]' COMPLETED
    python3 - "$work/summary.json" "$work/bindings.txt" <<'PY' || fail "the targets were not reached at the host ports Docker published on 127.0.0.1"
import json, sys
summary = json.load(open(sys.argv[1]))
targets = summary["real"]["targets"]
published = {}  # task -> the host port 8081/tcp was bound to
for line in open(sys.argv[2]):
    if len(line.split(" ", 2)) < 3:
        continue  # the container went between the listing and its inspect
    task, asked, bound = line.split(" ", 2)
    assert json.loads(asked) == {"8081/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]}, asked
    for binding in (json.loads(bound) or {}).get("8081/tcp") or []:
        assert binding["HostIp"] == "127.0.0.1", binding
        published[task] = binding["HostPort"]
print(f"targets registered: {targets}; host ports Docker bound: {published}")
assert len(targets) == 4 and set(targets) == set(published), "every task seen, registered once"
assert all(targets[t] == f"127.0.0.1:{published[t]}" for t in targets), "a target is not its task's host port"
assert len(set(published.values())) == 4, "two tasks on one host port"
served = {r["deployment"]: r["requests"] for r in summary["traffic"]["by_revision"]}
print(f"requests served by revision: {served}; target 5xx {summary['traffic']['target_5xx']}")
assert all(n > 0 for n in served.values()) and len(served) == 2 and summary["traffic"]["target_5xx"] == 0
PY
    ;;
  latency-alarm)
    # Given the canary whose new revision answers in 300 ms (p99 900 ms) where the old one takes
    # 40 ms (p99 120 ms), the chaos app plays each revision's requestLatencyMs for real; the load
    # generator measures it, the p99 TargetResponseTime alarm judges the measured latency, goes to
    # ALARM during the canary wait and the service rolls back, as simulated.
    real_run scenarios/examples/slow-revision-canary-latency-alarm.json || fail "expectations not met"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_event '"orders-p99"'
    python3 - "$work/summary.json" <<'PY' || fail "the measured latency is not the profiles'"
import json, sys
revisions = {r["deployment"]: r for r in json.load(open(sys.argv[1]))["traffic"]["by_revision"]}
print({d: (r["requests"], r["latency_p50_ms"], r["latency_p99_ms"]) for d, r in revisions.items()})
old, new = revisions["ecs-svc/0"], revisions["ecs-svc/1"]
# Measured in real milliseconds: the profile's latency plus what the machine adds (more under
# load). Some twenty requests reach the canary, so its p99 is their slowest answered by the
# report (the profile's answer to the slowest of them is 886 ms): above the alarm's 0.5 s, within
# the profile's slowest (1500 ms) plus the machine's share; the old revision's stays under it.
ok = (35 <= old["latency_p50_ms"] <= 200 and old["latency_p99_ms"] <= 450 and
      250 <= new["latency_p50_ms"] <= 600 and 500 < new["latency_p99_ms"] <= 1900)
sys.exit(0 if ok else 1)
PY
    rm -f "$work/events.jsonl"  # the comparison's failure is its own
    compare_run scenarios/examples/slow-revision-canary-latency-alarm.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "no agreed rollback"
    grep -Eq "^  alarms triggered +1 +1$" "$work/compare.txt" || fail "the latency alarm did not trigger in both"
    ;;
  kafka-pair-awsvpc)
    # Given seed 004's one-task Kafka + ZooKeeper with awsvpc and dependsOn HEALTHY, each its own
    # image: kafka starts once zookeeper is HEALTHY and reaches it on localhost:2181 (the task's
    # shared namespace); the deploy completes as simulated, and the network holders are gone.
    tests/real/images/build-test-images || fail "the test images did not build"
    compare_run tests/real/scenarios/kafka-pair-awsvpc.json
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated COMPLETED, real COMPLETED" "$work/compare.txt" || fail "no agreed completion"
    grep -Eq "^  failed tasks +0 +0$" "$work/compare.txt" || fail "a task failed: kafka did not reach ZooKeeper on localhost"
    # compare_run checked that nothing of its run is left, the network holders (~network) included.
    ;;
  init-run-image)
    # Given a user's ecspresso config whose image is in the local engine, and whose task definition
    # gives the process (`command`: serve on 9000, where the image's own CMD serves 8081) and a
    # check on 9000: `init --run-image` marks the app; real mode runs the image with that command,
    # the check passes inside the container and the forced new deployment completes, as simulated.
    tests/real/images/build-test-images || fail "the test images did not build"
    "$deploysim" init tests/real/init-run-image/ecspresso.yml --run-image deploysim-test/busybox-web:with-wget \
      -o "$work/init.json" || fail "init failed"
    grep -q '"runImage": true' "$work/init.json" || fail "init did not mark the app runImage"
    compare_run "$work/init.json"
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated COMPLETED, real COMPLETED" "$work/compare.txt" || fail "no agreed completion"
    grep -Eq "^  failed tasks +0 +0$" "$work/compare.txt" || fail "a task failed: the image did not run the task definition's command"
    expect_event '"healthStatus":"HEALTHY"'
    ;;
  profile)
    # Given an image that listens after ~3 s and grows to ~100 MiB in ~2 s (the chaos image, playing
    # that profile unscaled from its environment), `deploysim profile` measures both within
    # tolerance; a scenario giving it 64 MiB (tests/real/scenarios/profile-oom-template.json) plays
    # the measured profile in the simulator and the image itself for real, and both say the same:
    # OOM kills before it listens, the breaker, a rollback.
    profile_json='{"phases":[{"name":"start","seconds":3}],"liveFromPhase":1,"port":8080,"endpoints":{"/health":{"kind":"live"}},"memory":[{"atSeconds":0,"mib":8},{"atSeconds":2,"mib":100}]}'
    "$deploysim" profile deploysim-chaos:latest --env "DEPLOYSIM_APP_PROFILE=$profile_json" --env DEPLOYSIM_TIME_SCALE=1 \
      --port 8080 --health-path /health --duration 8 --runs 2 --out "$work/profile.json" 2>"$work/runs.txt" &
    profile_pid=$!  # its containers are labelled deploysim.run=profile-<pid>
    wait "$profile_pid" || { cat "$work/runs.txt"; fail "profile failed"; }
    cat "$work/runs.txt" "$work/profile.json"
    [ -z "$(ours "profile-$profile_pid")" ] || fail "profile left containers: $(ours "profile-$profile_pid")"
    # Memory comes from the engine's stats stream, about one object a second: each 8 s run got
    # one every second or so (at least 6), not a single answer.
    python3 - "$work/runs.txt" <<'PY' || fail "memory was not sampled from the stats stream about once a second"
import re, sys
counts = [int(n) for n in re.findall(r"\((\d+) samples from the stats stream\)", open(sys.argv[1]).read())]
print(f"stats-stream samples per run: {counts}")
sys.exit(0 if len(counts) == 2 and all(6 <= n <= 12 for n in counts) else 1)
PY
    python3 - "$work/profile.json" tests/real/scenarios/profile-oom-template.json "$work/profiled.json" <<'PY' || fail "the measured profile is out of tolerance"
import json, sys
profile = json.load(open(sys.argv[1]))["deploysim-chaos:latest"]
start = profile["phases"][0]["seconds"]
peak = max(p["mib"] for p in profile["memory"])
print(f"measured: listening after {start} s, memory peak {peak} MiB")
scenario = json.load(open(sys.argv[2]))
scenario["apps"]["deploysim-chaos:latest"] = profile
json.dump(scenario, open(sys.argv[3], "w"))
sys.exit(0 if 2.5 <= start <= 5.0 and 85 <= peak <= 115 else 1)
PY
    compare_run "$work/profiled.json"
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "no agreed rollback"
    ;;
  image-not-local)
    # Given an app with runImage whose image the engine does not have, a clear error at the app's
    # runImage (file:line:column) naming docker pull / docker load, exit 2, and nothing pulled.
    sed 's#deploysim-test/busybox-web:no-wget#deploysim-test/not-built:1#g' tests/real/scenarios/004-real-image-no-wget-breaker-on.json >"$work/missing.json"
    "$deploysim" real "$work/missing.json" 2>"$work/err.txt"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    grep -Eq "missing.json:[0-9]+:[0-9]+: at /apps/deploysim-test~1not-built:1/runImage: expected an image in the local Docker engine .*docker pull deploysim-test/not-built:1.*docker load" "$work/err.txt" ||
      fail "unclear error"
    ! docker image inspect deploysim-test/not-built:1 >/dev/null 2>&1 || fail "the image was pulled"
    ;;
  seed-002-strict-ready)
    # Given a REDIS_URL without its scheme and a strict /health/ready behind the target group, the
    # driver's own HTTP probes (playing the ALB) get 503s: targets turn unhealthy, rollback.
    real_run scenarios/incidents/002-redis-no-scheme-strict-503.json || fail "expectations not met"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_event '"reason":"Target.ResponseCodeMismatch"'
    ;;
  sigterm-cleans-up)
    # Given a real run interrupted by SIGTERM 2 s after its first container, it removes its
    # containers (only those) and exits 128+15.
    interrupted_run TERM 15 first_container_and_2s
    ;;
  sigkill-then-cleanup)
    # Given a run killed with SIGKILL (no chance to clean up) and another run still going,
    # `deploysim real --cleanup` removes what the killed run left, and neither the going run's
    # containers (its process lives: they are in use, not left) nor a container without our label.
    start_bystander
    "$deploysim" real --time-scale "$scale" scenarios/real/004-wget-loop-breaker-off-10min.json >/dev/null 2>&1 &
    pid=$!
    "$deploysim" real --time-scale "$scale" scenarios/real/004-wget-loop-breaker-off-10min.json >"$work/going.txt" 2>&1 &
    going_pid=$!
    for _ in $(seq 1 100); do [ -n "$(of_pid "$pid")" ] && [ -n "$(of_pid "$going_pid")" ] && break; sleep 0.1; done
    sleep 1
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    [ -n "$(of_pid "$pid")" ] || fail "nothing was left behind, so --cleanup was not tested"
    going=$(of_pid "$going_pid")
    [ -n "$going" ] || fail "the going run has no container, so sparing it was not tested"
    "$deploysim" real --cleanup | tee "$work/cleanup.txt" || fail "--cleanup failed"
    left=$(of_pid "$pid")
    for id in $going; do docker inspect "$id" >/dev/null 2>&1 || fail "--cleanup removed container $id of a run still going"; done
    grep -q "kept .* of runs still going" "$work/cleanup.txt" || fail "--cleanup does not say it kept the going run's containers"
    kill -INT "$going_pid"
    wait "$going_pid"
    [ -z "$left" ] || fail "containers left after --cleanup: $left"
    [ -z "$(of_pid "$going_pid")" ] || fail "the going run left containers after its SIGINT: $(of_pid "$going_pid")"
    expect_bystander
    ;;
  no-engine)
    # Given no engine at the socket, a clear error saying how to start one, exit 2.
    "$deploysim" real --socket "$work/no.sock" scenarios/incidents/000-oom-128mb.json 2>"$work/err.txt"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    grep -q "no Docker engine answers at $work/no.sock: start one" "$work/err.txt" || fail "unclear error"
    ;;
  events-replay)
    # Given a probe following run $run_id's events through the proxy, a container's start seen,
    # then the stream cut with new streams refused for 1 s and the container killed in that gap:
    # the probe reopens the stream from the start's time, gets the gap's die (exit 137) once, and
    # the start — replayed too, since the replay includes that nanosecond — not a second time.
    probe=$3
    start_proxy
    run_id=faulttest-$$
    "$probe" "$proxy" "$run_id" 30 >"$work/probe.txt" &
    probe_pid=$!
    until_line() { for _ in $(seq 1 100); do grep -q "$1" "$work/probe.txt" && return; sleep 0.1; done; fail "the probe never printed $1: $(cat "$work/probe.txt")"; }
    until_line following
    container=$(docker create --label "deploysim.run=$run_id" --name "deploysim-$run_id" -e DEPLOYSIM_STANDIN_PORT=7000 \
      -e DEPLOYSIM_STANDIN_DOWN= -e DEPLOYSIM_TIME_SCALE=1 deploysim-chaos:latest dependency) ||
      fail "could not create the container"
    docker start "$container" >/dev/null
    until_line "^start "
    tell cut-events
    tell refuse-events 1
    sleep 0.2
    docker kill "$container" >/dev/null
    until_line "^die "
    until_line "^reopened"
    sleep 0.5
    kill "$probe_pid"
    docker rm -f "$container" >/dev/null
    cat "$work/probe.txt" "$work/proxy.log"
    grep -q "refused an event stream" "$work/proxy.log" || fail "no reopening was refused: the gap was not tested"
    [ "$(grep -c '^start ' "$work/probe.txt")" -eq 1 ] || fail "the start was delivered more or less than once"
    [ "$(grep -c '^die .* 137$' "$work/probe.txt")" -eq 1 ] || fail "the gap's die (137) was not delivered exactly once"
    [ "$(grep -c '^reopened$' "$work/probe.txt")" -eq 1 ] || fail "expected one reopening"
    ;;
  sigint-cleans-up)
    # Given a real run interrupted by SIGINT (Ctrl-C) once the new task runs, it removes its
    # containers (only those) and exits 128+2.
    interrupted_run INT 2 "wait_for_task 1"  # of the run's pid, appended
    ;;
  sigint-in-warm-up)
    # Given an initial deployment whose container never turns healthy (its check cannot run), the
    # driver waits for it up to 90 s before the run; a SIGINT meanwhile ends it at once: exit
    # 130, nothing left.
    python3 - scenarios/incidents/000-fixed-512mb.json "$work/slow-warm-up.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
initial = [t for t in s["taskDefinitions"] if f'{t["family"]}:{t["revision"]}' == s["initialTaskDefinition"]][0]
initial["containerDefinitions"][0]["healthCheck"] = {"command": ["CMD", "/no-such-check"], "interval": 5, "timeout": 2, "retries": 3}
json.dump(s, open(sys.argv[2], "w"))
PY
    start=$SECONDS
    interrupted_run INT 2 first_container_and_2s "$work/slow-warm-up.json"
    [ $((SECONDS - start)) -lt 15 ] || fail "the SIGINT waited for the warm-up to end ($((SECONDS - start)) s)"
    ;;
  events-cut-reopens)
    # Given an event stream cut every second of the deploy, each time with new streams refused for
    # 0.2 s (4 s of run time), the driver reopens it from the last event's time each time, and the
    # run ends as it does unfaulted: three OOM kills, breaker, rollback. (events-replay shows that
    # an event in the gap arrives; here it is whatever falls in one.)
    start_proxy
    start_real scenarios/incidents/000-oom-128mb.json --socket "$proxy"
    ( wait_for_task 1 "$run_pid"; for _ in 1 2 3 4 5 6; do tell cut-events; tell refuse-events 0.2; sleep 1; done ) &
    finish_real || fail "expectations not met"
    cat "$work/proxy.log"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_field 'd["metrics"]["oom_kills"]' 3
    expect_field 'd["metrics"]["failed_tasks"]' 3
    reopened=$(field "$work/summary.json" 'd["real"]["eventStreamReopened"]')
    [ "$reopened" -ge 3 ] || fail "the stream was reopened $reopened times: the cuts came too late to test"
    grep -q "refused an event stream" "$work/proxy.log" || fail "no reopening attempt was refused: the gap was not tested"
    ;;
  events-cut-for-good)
    # Given an event stream cut with every new one refused, the run ends after its reopening
    # attempts with a clear error, exit 2, and removes its containers (the engine still answers).
    start_bystander
    start_proxy
    "$deploysim" real --time-scale "$scale" --socket "$proxy" scenarios/real/004-wget-loop-breaker-off-10min.json \
      >"$work/out.txt" 2>"$work/err.txt" &
    pid=$!
    ( wait_for_task 1 "$pid"; tell refuse-events -1; tell cut-events ) &
    wait "$pid"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    grep -q "stopped: the Docker engine's event stream ended (.*) and could not be reopened (6 attempts" "$work/err.txt" ||
      fail "unclear error"
    grep -q "none of them is left on the engine" "$work/err.txt" || fail "no word of the clean-up"
    [ -z "$(of_pid "$pid")" ] || fail "containers left: $(of_pid "$pid")"
    expect_bystander
    ;;
  engine-gone)
    # Given the engine gone mid-run (the proxy's socket removed, its connections closed), the run
    # ends with a clear error, exit 2, naming the containers that may remain and --cleanup; they
    # do remain (no engine to remove them), and once it is back, --cleanup removes them — only ours.
    start_bystander
    start_proxy
    "$deploysim" real --time-scale "$scale" --socket "$proxy" scenarios/real/004-wget-loop-breaker-off-10min.json \
      >"$work/out.txt" 2>"$work/err.txt" &
    pid=$!
    ( wait_for_task 1 "$pid"; sleep 0.5; tell gone ) &
    wait "$pid"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    run_id=$(stopped_run_id) || exit 1
    grep -q "no Docker engine answers at $proxy" "$work/err.txt" || fail "the error does not say the engine is gone"
    grep -q "may remain, labelled deploysim.run=$run_id" "$work/err.txt" || fail "no list of what may remain"
    grep -q "deploysim-$run_id-t1-" "$work/err.txt" || fail "task 1's container is not named"
    grep -q "deploysim real --cleanup --run $run_id --socket $proxy. removes them" "$work/err.txt" || fail "no word of --cleanup"
    left=$(ours "$run_id")
    [ -n "$left" ] || fail "nothing remained, so the engine was not really gone for the driver"
    for id in $left; do
      name=$(docker inspect -f '{{.Name}}' "$id")
      grep -q "  ${name#/}\$" "$work/err.txt" || fail "container ${name#/} remains but was not named"
    done
    tell back
    wait_for_proxy
    cleanup_run "$run_id" --socket "$proxy"
    expect_bystander
    ;;
  dockerd-stopped)
    # Given the real engine stopped mid-run (SIGTERM to dockerd, as `systemctl stop docker` does;
    # dockerd stops the containers as it shuts down), the run ends with a clear error, exit 2,
    # naming its run; once dockerd is back, --cleanup removes ours, and only ours. It holds the
    # engine lock alone (above), so no real test of any ctest run is on the engine meanwhile; it
    # leaves dockerd running whatever happens (on_exit below).
    [ "$(id -u)" -eq 0 ] || { echo "SKIPPED: stopping dockerd needs root" >&2; exit 77; }
    dockerd_pid=$(cat /var/run/docker.pid 2>/dev/null)
    [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null || fail "no dockerd pid in /var/run/docker.pid"
    trap 'ensure_engine; on_exit' EXIT
    start_bystander
    "$deploysim" real --time-scale "$scale" --engine-timeout 10 scenarios/real/004-wget-loop-breaker-off-10min.json \
      >"$work/out.txt" 2>"$work/err.txt" &
    pid=$!
    ( wait_for_task 1 "$pid"; sleep 0.5; kill -TERM "$dockerd_pid" ) &
    wait "$pid"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    run_id=$(stopped_run_id) || exit 1
    grep -Eq "no Docker engine answers|could not be reopened" "$work/err.txt" || fail "the error does not say the engine is gone"
    ensure_engine || fail "dockerd did not come back"
    cleanup_run "$run_id"
    expect_bystander
    ;;
  engine-hangs)
    # Given an engine that stops answering (every answer held for good), each Docker call gives up
    # after --engine-timeout: the run ends with a clear error naming the call, exit 2.
    start_bystander
    start_proxy
    "$deploysim" real --time-scale "$scale" --socket "$proxy" --engine-timeout 2 \
      scenarios/real/004-wget-loop-breaker-off-10min.json >"$work/out.txt" 2>"$work/err.txt" &
    pid=$!
    ( wait_for_task 1 "$pid"; tell delay 1000 ) &
    wait "$pid"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    grep -q "no answer within 2 s" "$work/err.txt" || fail "the error does not say the engine did not answer"
    run_id=$(stopped_run_id) || exit 1
    grep -q "deploysim real --cleanup --run $run_id --socket $proxy. removes them" "$work/err.txt" || fail "no word of --cleanup"
    tell delay 0
    cleanup_run "$run_id" --socket "$proxy"
    expect_bystander
    ;;
  container-removed)
    # Given the new task's container removed behind the driver's back (docker rm -f) once it
    # runs, Docker reports its death (exit 137) and the task stops as ECS stops it —
    # EssentialContainerExited, a failed task — the service replaces it and the deploy completes.
    # A slower clock than the other tests: the removal must land in the ~40 s of run time between
    # the task's RUNNING and its counting healthy, however loaded the machine (8 s of real time).
    scale=0.2
    start_bystander
    start_real scenarios/incidents/000-fixed-512mb.json
    ( wait_for_task 1 "$run_pid"; sleep 0.5; docker rm -f $(task_containers 1 "$run_pid") >/dev/null ) &
    finish_real
    code=$?
    # The scenario expects no failed task: now there is one, so its expectations fail (exit 1).
    [ "$code" -eq 1 ] || fail "expected exit 1 (one failed task against failedTasks max 0), got $code"
    expect_field 'd["outcome"]' COMPLETED
    expect_field 'd["metrics"]["failed_tasks"]' 1
    expect_event "removed behind the driver's back"
    python3 - "$work/events.jsonl" <<'PY' || fail "task 1's removal is not in the event log as its essential container's exit 137"
import json, sys
events = [json.loads(line) for line in open(sys.argv[1])]
exits = [e for e in events if e["kind"] == "container_exited" and e.get("task") == 1]
stops = [e for e in events if e["kind"] == "task_stopped" and e.get("task") == 1]
print("task 1:", exits, stops)
sys.exit(0 if exits and exits[0].get("exitCode") == 137 and stops and
         stops[0].get("stoppedReason") == "Essential container in task exited" else 1)
PY
    expect_bystander
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
echo "ok: $case_name"
