#!/usr/bin/env bash
# The pipeline example of docs/serve.md end to end, against `deploysim serve` of seed 000 at a time
# scale that makes ten simulated minutes pass in a tenth of a second: the naive script
# (update-service && wait services-stable) exits 0 on the OOM revision that was rolled back; the
# checked script exits 1 on the same deploy and 0 on the fixed 512 MiB revision.
set -uo pipefail
cd "$(dirname "$0")/../.."
export ECS_ENDPOINT_URL=$DEPLOYSIM_ENDPOINT POLL_SECONDS=1 DEPLOY_TIMEOUT_SECONDS=60
export PATH=/usr/bin:$PATH  # Debian's AWS CLI v2
examples=docs/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run EXPECTED_EXIT SCRIPT ARGS...: prints the script's output and its exit code
  local expected=$1
  shift
  echo "\$ $*"
  "$@"
  local code=$?
  echo "exit $code"
  [ "$code" = "$expected" ] || { echo "FAIL: expected exit $expected" >&2; exit 1; }
}

run 0 "$examples/deploy-naive.sh" alia-bot-cluster alia-bot-service alia-bot:27
run 1 "$examples/deploy-checked.sh" alia-bot-cluster alia-bot-service alia-bot:27

# The fix of seed 000 (512 MiB), registered the way a pipeline does, deploys and the check passes.
python3 - scenarios/incidents/000-fixed-512mb.json "$work/td.json" <<'PY'
import json, sys
definition = json.load(open(sys.argv[1]))["taskDefinitions"][1]
definition.pop("revision")
json.dump(definition, open(sys.argv[2], "w"))
PY
aws --endpoint-url "$DEPLOYSIM_ENDPOINT" ecs register-task-definition --cli-input-json "file://$work/td.json" \
  --query 'taskDefinition.[family,revision]' --output text
run 0 "$examples/deploy-checked.sh" alia-bot-cluster alia-bot-service alia-bot:28
echo "pipeline_test: all passed"
