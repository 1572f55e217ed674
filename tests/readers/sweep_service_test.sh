#!/bin/sh
# sweep reads a configuration as every command does: --service and --parameter pick what it
# sweeps. Prints each service's task-hours per deploy (column task_hours_mean of cell 0), which
# grow with its desiredCount.
#   sweep_service_test.sh DEPLOYSIM WORKDIR
set -e
deploysim=$1 work=$2
template=tests/readers/cloudformation/two-services.template.yaml
sweep() {  # sweep OUT FLAGS...
  out=$work/$1
  shift
  "$deploysim" sweep "$template" "$@" --axis /service/healthCheckGracePeriodSeconds:0,60 --runs 5 -q -o "$out"
  sed -n 2p "$out/two-services.template-sweep.csv" | cut -d, -f19
}
echo "web at 8: $(sweep sweep-web --service web --parameter WebCount=8)"
echo "worker at 1: $(sweep sweep-worker --service worker)"
