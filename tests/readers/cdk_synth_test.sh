#!/bin/sh
# The CDK itself, offline: `cdk synth` on tests/readers/cdk-app (Fargate service behind an ALB,
# circuit breaker on), then `deploysim init` on the synthesised template and `deploysim run` on
# the scenario it wrote. Prints how long synth takes. Exits 77 (ctest: skipped) when
# scripts/bootstrap could not install the app's node_modules (npm offline).
#   cdk_synth_test.sh DEPLOYSIM WORKDIR
set -eu
deploysim=$1 work=$2
app=$(cd "$(dirname "$0")/cdk-app" && pwd)
if [ ! -x "$app/node_modules/.bin/cdk" ]; then
  echo "cdk synth test skipped: $app/node_modules is missing (scripts/bootstrap runs npm ci there; npm was offline?)"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"
start=$(date +%s.%N)
# No AWS account: no version check, no notices, an env-agnostic stack; the output goes to $work.
(cd "$app" && CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=1 ./node_modules/.bin/cdk synth \
  --no-notices --no-version-reporting --quiet -o "$work/cdk.out" >/dev/null)
end=$(date +%s.%N)
echo "cdk synth took $(awk "BEGIN { printf \"%.1f\", $end - $start }") s (aws-cdk $(cd "$app" && node -p 'require("aws-cdk/package.json").version'), aws-cdk-lib $(cd "$app" && node -p 'require("aws-cdk-lib/package.json").version'))"
"$deploysim" init "$work/cdk.out/OrdersStack.template.json" -o "$work/orders.json"
# autoScaleTaskCount + scaleOnCpuUtilization (app.js) become the scenario's autoscaling section.
python3 - "$work/orders.json" <<'PY'
import json, sys
scaling = json.load(open(sys.argv[1])).get("autoscaling")
assert scaling, "init wrote no autoscaling section from the CDK's ScalableTarget and ScalingPolicy"
target, policy = scaling["ScalableTargets"][0], scaling["ScalingPolicies"][0]
assert (target["ResourceId"], target["MinCapacity"], target["MaxCapacity"]) == ("service/prod/orders", 3, 10), target
tracking = policy["TargetTrackingScalingPolicyConfiguration"]
assert tracking["PredefinedMetricSpecification"]["PredefinedMetricType"] == "ECSServiceAverageCPUUtilization", tracking
assert (tracking["TargetValue"], tracking["ScaleOutCooldown"], tracking["ScaleInCooldown"]) == (60, 60, 300), tracking
print("autoscaling from the CDK app: %s, %d-%d tasks at %s %% CPU" %
      (policy["PolicyName"], target["MinCapacity"], target["MaxCapacity"], tracking["TargetValue"]))
PY
"$deploysim" run "$work/orders.json" --quiet 2>/dev/null
