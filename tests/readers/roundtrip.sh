#!/bin/sh
# A library scenario and the same service written as the user's configuration must play the same
# run: the event logs are compared byte for byte.
#   roundtrip.sh DEPLOYSIM LIBRARY_SCENARIO WORKDIR INIT_SOURCE... [init options]
# Our own sections (apps, platform, seed, expect, ...) are taken from the library file with
# `init --with`; everything AWS (service, task definitions, which revision runs and which is
# deployed) comes from the configuration.
set -eu
deploysim=$1 library=$2 work=$3
shift 3
mkdir -p "$work"
python3 - "$library" "$work/ours.json" <<'PY'
import json, sys
scenario = json.load(open(sys.argv[1]))
for aws in ("service", "targetGroup", "taskDefinitions", "initialTaskDefinition", "deploy"):
    scenario.pop(aws, None)
json.dump(scenario, open(sys.argv[2], "w"), indent=2)
PY
"$deploysim" run "$library" --quiet --events "$work/library.jsonl" >/dev/null
"$deploysim" init "$@" --with "$work/ours.json" -o "$work/from-config.json"
"$deploysim" run "$work/from-config.json" --quiet --events "$work/config.jsonl" >/dev/null
cmp "$work/library.jsonl" "$work/config.jsonl"
echo "roundtrip: identical event logs ($(wc -l < "$work/library.jsonl") events) for $library"
