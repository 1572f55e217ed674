#!/usr/bin/env bash
# deploysim sweep as a Slurm job array. From the repository root (deploysim built):
#
#   scripts/cluster/sweep-slurm.sh [SWEEP] [OUT] [SWEEP FLAGS...]
#                                  submits the array and a merge that waits for it; flags after OUT
#                                  (--runs-per-cell 100, --axis ...) go to every task's deploysim sweep
#   scripts/cluster/sweep-slurm.sh --resubmit K[,K...] SWEEP OUT [SWEEP FLAGS...]
#                                  submits shards K... again (after one failed or was cancelled) and
#                                  a new merge that waits for them; give the same SWEEP, OUT and flags
#
# Prints "submitted sweep array <job> and its merge <job>". Each array task runs shard
# SLURM_ARRAY_TASK_ID of 4 and writes OUT/partials/<name>.part-K-of-4.json; the merge job then
# writes OUT/<name>.csv, .json, .html and the charts. The merge waits with afterok: if a shard fails
# or is cancelled, Slurm never starts it (pending with DependencyNeverSatisfied, or cancelled where
# SchedulerParameters has kill_invalid_depend), and `deploysim merge` run by hand names the missing
# shard; re-submit it with --resubmit. DEPLOYSIM: the deploysim binary (default build/harness/deploysim).
#SBATCH --job-name=deploysim-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --output=deploysim-sweep-%A_%a.log
set -euo pipefail
shards=4  # the array above, tasks 0-3; submissions below pass it to sbatch explicitly
deploysim=${DEPLOYSIM:-build/harness/deploysim}

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  array="0-$((shards - 1))"
  if [ "${1:-}" = --resubmit ]; then
    array=${2:?"--resubmit needs the shards to run again, e.g. --resubmit 2 or --resubmit 0,3"}
    shift 2
  fi
  sweep=${1:-scenarios/sweeps/000-grace-retries.sweep.json}
  out=${2:-sweep-results}
  job=$(sbatch --parsable --array="$array" "$0" "$sweep" "$out" "${@:3}")
  merge=$(sbatch --parsable --dependency="afterok:${job}" --job-name=deploysim-merge --output=deploysim-merge-%j.log \
    --wrap "\"$deploysim\" merge --out \"$out\" \"$out\"/partials/*.part-*-of-${shards}.json")
  echo "submitted sweep array ${job} and its merge ${merge}"
  exit 0
fi

# The shard is the array index itself, not its rank from SLURM_ARRAY_TASK_MIN (which deploysim would
# use on its own): a re-submitted array of task 2 alone must still run shard 2 of 4.
sweep=${1:-scenarios/sweeps/000-grace-retries.sweep.json}
out=${2:-sweep-results}
"$deploysim" sweep "$sweep" --out "$out/partials" --shard "${SLURM_ARRAY_TASK_ID}/${shards}" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet "${@:3}"
