#!/usr/bin/env bash
# deploysim sweep as a Slurm job array. From the repository root (deploysim built):
#
#   scripts/cluster/sweep-slurm.sh [SWEEP] [OUT] [SWEEP FLAGS...]
#                                  submits the array and a merge that waits for it; flags after OUT
#                                  (--runs-per-cell 100, --axis ...) go to every task's deploysim sweep
#
# Each array task runs one shard: deploysim reads SLURM_ARRAY_TASK_ID (from SLURM_ARRAY_TASK_MIN)
# and SLURM_ARRAY_TASK_COUNT itself, and writes OUT/partials/<name>.part-K-of-4.json; the merge
# job then writes OUT/<name>.csv, .json, .html and the charts.
#SBATCH --job-name=deploysim-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --output=deploysim-sweep-%A_%a.log
set -euo pipefail
sweep=${1:-scenarios/sweeps/000-grace-retries.sweep.json}
out=${2:-sweep-results}
deploysim=${DEPLOYSIM:-build/harness/deploysim}

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  job=$(sbatch --parsable "$0" "$sweep" "$out" "${@:3}")
  sbatch --dependency="afterok:${job}" --job-name=deploysim-merge --output=deploysim-merge-%j.log \
    --wrap "\"$deploysim\" merge --out \"$out\" \"$out\"/partials/*.part-*-of-*.json"
  echo "submitted sweep array ${job} and its merge"
  exit 0
fi

"$deploysim" sweep "$sweep" --out "$out/partials" --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet "${@:3}"
