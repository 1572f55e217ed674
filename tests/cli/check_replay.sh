#!/bin/sh
# End to end, as CI would run it: `deploysim check` finds the weak example's false rollback
# (exit 1), writes a shrunk counterexample and a JUnit report; `deploysim run` on the counterexample
# replays the very outcome check reported; `deploysim explain` tells its story; a second check with
# the same seed prints the same verdicts and writes the same file.
# usage: check_replay.sh DEPLOYSIM SCENARIO OUTDIR
set -u
deploysim=$1 scenario=$2 out=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$out" && mkdir -p "$out/again" || fail "cannot make $out"

"$deploysim" check "$scenario" --runs 100 --seed 1 --out "$out" --junit "$out/junit.xml" >"$out/check.txt"
code=$?
cat "$out/check.txt"
[ $code -eq 1 ] || fail "check exited $code, expected 1"
grep -q 'VIOLATED  "no rollback of a good deploy' "$out/check.txt" || fail "no violated good-deploy intent"
# The strict breaker also trips the rollback itself when Redis blips: the old tasks fail too.
grep -q 'VIOLATED  "bad deploys roll back within 10 min" .*ended FAILED' "$out/check.txt" || fail "no failed rollback found"
cx="$out/weak-grace-strict-breaker-counterexample-1.json"
[ -s "$cx" ] || fail "no counterexample file $cx"
reported=$(sed -n 's/.*VIOLATED  "no rollback.*: ended \([A-Z_]*\).*/\1/p' "$out/check.txt")
[ "$reported" = ROLLED_BACK ] || fail "check reported '$reported', expected a false ROLLED_BACK"

"$deploysim" run --json "$cx" >"$out/run.json"
code=$?
[ $code -eq 1 ] || fail "run of the counterexample exited $code, expected 1 (its expect is the violated intent)"
replayed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["outcome"])' "$out/run.json") ||
  fail "run --json is not JSON"
[ "$replayed" = "$reported" ] || fail "replayed $replayed, check reported $reported"
# Exactly: the replay ends at the very millisecond the story told.
told=$(sed -n 's/.*story: .*no rollback of a good deploy.* ended ROLLED_BACK after \([0-9.]*\) s.*/\1/p' "$out/check.txt")
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["metrics"]; sys.exit(abs(m["time_to_outcome_ms"] - float(sys.argv[2]) * 1000) > 0.5)' \
  "$out/run.json" "$told" || fail "the replay's time to outcome is not the $told s the story told"

"$deploysim" explain "$cx" >"$out/explain.txt" || fail "explain of the counterexample failed"
grep -q ROLLED_BACK "$out/explain.txt" || fail "explain does not tell the rollback"

python3 - "$out/junit.xml" <<'PY' || fail "JUnit report"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "2", root.attrib
failed = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
assert len(failed) == 2 and failed[0].startswith("no rollback of a good deploy"), failed
PY

"$deploysim" check "$scenario" --runs 100 --seed 1 --out "$out/again" >"$out/again/check.txt"
sed 's#/again##g' "$out/again/check.txt" | cmp -s - "$out/check.txt" || fail "a second check printed something else"
cmp -s "$cx" "$out/again/weak-grace-strict-breaker-counterexample-1.json" || fail "a second check wrote another file"
echo "check, run and explain agree: $reported"
