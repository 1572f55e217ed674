#!/usr/bin/env bash
# Microsoft's SARIF Multitool `validate` (npm @microsoft/sarif-multitool-linux 5.7.0, fetched by
# scripts/bootstrap) on the SARIF that `lint`, `check` and `diff` write: any result of level error
# fails. A copy with its required "version" removed must fail it, so the validator is seen to bite.
#   multitool_validate.sh <deploysim> <source dir>
set -euo pipefail
deploysim=$1
cd "$2"
tool=/opt/deploysim-tools/sarif-multitool-5.7.0/package/Sarif.Multitool
if [ ! -x "$tool" ]; then
  echo "SKIP: the SARIF Multitool is not installed (scripts/bootstrap fetches it with npm)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GITHUB_ACTIONS= DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

# lint and check exit 1 on what they find, diff on a regression: the logs are what matters here.
"$deploysim" lint scenarios/incidents/*.json --sarif "$work/lint.sarif" >/dev/null || true
"$deploysim" check scenarios/examples/weak-grace-strict-breaker.json --runs 30 --out "$work" \
  --sarif "$work/check.sarif" >/dev/null || true
"$deploysim" diff --runs 20 --fail-on false-rollback --sarif "$work/diff.sarif" \
  scenarios/incidents/000-fixed-512mb.json scenarios/incidents/000-oom-128mb.json >/dev/null || true
python3 - "$work/lint.sarif" "$work/broken.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
del log["version"]
json.dump(log, open(sys.argv[2], "w"))
PY

# Prints the errors Multitool reported for $1 and how many.
errors_in() {
  "$tool" validate "$1" -o "$1.validation" --quiet >/dev/null 2>&1 || true
  python3 - "$1.validation" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
errors = [r for r in results if r.get("level") == "error"]
for r in errors:
    print("  ", r["ruleId"], r["message"].get("text", ""), file=sys.stderr)
print(len(errors))
PY
}

status=0
for name in lint check diff; do
  log="$work/$name.sarif"
  if [ ! -s "$log" ]; then
    echo "FAIL: deploysim $name wrote no SARIF log"
    status=1
    continue
  fi
  count=$(errors_in "$log")
  echo "$name.sarif: $count Multitool errors"
  [ "$count" -eq 0 ] || status=1
done
count=$(errors_in "$work/broken.sarif")
echo "a log without its version: $count Multitool errors (expected at least 1)"
[ "$count" -ge 1 ] || status=1
exit "$status"
