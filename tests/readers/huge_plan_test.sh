#!/bin/sh
# A 10 MB Terraform plan (a valid JSON envelope padded past the 8 MiB limit): deploysim must
# refuse it with a clear error, reading no more than the limit.
#   huge_plan_test.sh DEPLOYSIM WORKDIR
set -eu
mkdir -p "$2"
python3 -c "import json, sys; json.dump({'format_version': '1.2', 'planned_values': {}, 'pad': 'x' * 10485760}, open(sys.argv[1], 'w'))" "$2/huge.plan.json"
exec "$1" init "$2/huge.plan.json"
