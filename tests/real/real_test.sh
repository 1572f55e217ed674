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
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "${DEPLOYSIM_SKIP_REAL:-}" = 1 ]; then
  echo "SKIPPED: real-mode test $case_name skipped because DEPLOYSIM_SKIP_REAL=1" >&2
  exit 77
fi
docker info >/dev/null 2>&1 ||
  fail "no Docker engine answers (docker info failed): start one as root with \`dockerd &\` (scripts/test does), or set DEPLOYSIM_SKIP_REAL=1 to skip real-mode tests"

# Containers of the run with this id (any state): must be none once the command has returned.
ours() { docker ps -aq --filter "label=deploysim.run${1:+=$1}"; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# Runs `deploysim real FILE` with a JSON summary and event log; checks nothing is left behind.
real_run() {
  local file=$1; shift
  "$deploysim" real --json --time-scale "$scale" --events "$work/events.jsonl" "$@" "$file" >"$work/summary.json"
  local code=$?
  [ -s "$work/summary.json" ] || fail "deploysim real $file printed no summary (exit $code)"
  run_id=$(field "$work/summary.json" 'd["real"]["run"]')
  echo "run $run_id: $(field "$work/summary.json" 'd["outcome"]'), wall $(field "$work/summary.json" 'd["real"]["wallSeconds"]') s at scale $scale"
  [ -z "$(ours "$run_id")" ] || fail "containers of run $run_id are still there: $(ours "$run_id")"
  return $code
}
expect_field() {
  local got
  got=$(field "$work/summary.json" "$1")
  [ "$got" = "$2" ] || fail "$1: expected $2, got $got"
}
expect_event() {
  grep -q "$1" "$work/events.jsonl" || fail "no event matching $1 in the event log"
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
    "$deploysim" compare --time-scale "$scale" scenarios/incidents/000-oom-128mb.json >"$work/compare.txt" ||
      { cat "$work/compare.txt"; fail "compare: outcomes differ"; }
    cat "$work/compare.txt"
    grep -q "outcomes AGREE: simulated ROLLED_BACK, real ROLLED_BACK" "$work/compare.txt" || fail "compare did not agree"
    [ -z "$(ours)" ] || fail "containers left after compare: $(ours)"
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
  seed-002-strict-ready)
    # Given a REDIS_URL without its scheme and a strict /health/ready behind the target group, the
    # driver's own HTTP probes (playing the ALB) get 503s: targets turn unhealthy, rollback.
    real_run scenarios/incidents/002-redis-no-scheme-strict-503.json || fail "expectations not met"
    expect_field 'd["outcome"]' ROLLED_BACK
    expect_event '"reason":"Target.ResponseCodeMismatch"'
    ;;
  sigterm-cleans-up)
    # Given a real run interrupted by SIGTERM, it removes its containers and exits 128+15.
    "$deploysim" real --time-scale "$scale" scenarios/real/004-wget-loop-breaker-off-10min.json >"$work/out.txt" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do [ -n "$(ours)" ] && break; sleep 0.1; done
    [ -n "$(ours)" ] || fail "the run created no container to clean up"
    sleep 2
    kill -TERM "$pid"
    wait "$pid"
    code=$?
    cat "$work/out.txt"
    [ "$code" -eq 143 ] || fail "expected exit 143 after SIGTERM, got $code"
    grep -q "interrupted by signal 15" "$work/out.txt" || fail "no word of the interruption"
    [ -z "$(ours)" ] || fail "containers left after SIGTERM: $(ours)"
    ;;
  sigkill-then-cleanup)
    # Given a run killed with SIGKILL (no chance to clean up), `deploysim real --cleanup` removes
    # what it left, and only containers with our label.
    docker create --name "deploysim-bystander-$$" --label not-ours=1 deploysim-chaos:latest >/dev/null ||
      fail "could not create the bystander container"
    "$deploysim" real --time-scale "$scale" scenarios/real/004-wget-loop-breaker-off-10min.json >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do [ -n "$(ours)" ] && break; sleep 0.1; done
    sleep 1
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    [ -n "$(ours)" ] || fail "nothing was left behind, so --cleanup was not tested"
    "$deploysim" real --cleanup || fail "--cleanup failed"
    left=$(ours)
    bystander=$(docker ps -aq --filter "name=deploysim-bystander-$$")
    docker rm -f "deploysim-bystander-$$" >/dev/null
    [ -z "$left" ] || fail "containers left after --cleanup: $left"
    [ -n "$bystander" ] || fail "--cleanup removed a container without our label"
    ;;
  no-engine)
    # Given no engine at the socket, a clear error saying how to start one, exit 2.
    "$deploysim" real --socket "$work/no.sock" scenarios/incidents/000-oom-128mb.json 2>"$work/err.txt"
    code=$?
    cat "$work/err.txt"
    [ "$code" -eq 2 ] || fail "expected exit 2, got $code"
    grep -q "no Docker engine answers at $work/no.sock: start one" "$work/err.txt" || fail "unclear error"
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
echo "ok: $case_name"
