#!/usr/bin/env bash
# Scale issue, "A real Slurm in the tests": scripts/cluster/sweep-slurm.sh submitted to a real
# Slurm (a single-node cluster on 127.0.0.1 started by scripts/cluster/local-slurm):
#   1. the job array runs the 4 shards, the merge job waits for them (afterok), and the merged
#      files equal an unsharded run's byte for byte;
#   2. a shard cancelled with scancel: Slurm never starts the merge, and `deploysim merge` of what
#      the other shards wrote refuses, naming the missing shard;
#   3. that shard re-submitted (sweep-slurm.sh --resubmit 2) completes the sweep: the new merge
#      job's files equal the unsharded run's.
# The cluster is stopped and its directory removed however the test ends (trap). Exit 77 (skipped)
# only when Slurm and munge are not installed, or not as root (slurmd must be).
#
# usage: slurm_sweep_test.sh <deploysim> <repository root> <work dir> [sweep flags for a smaller grid]
set -euo pipefail
deploysim=$(realpath "$1")
root=$(realpath "$2")
work=$3
shift 3
sweep="$root/scenarios/sweeps/000-grace-retries.sweep.json"
flags=(--runs-per-cell 6 "$@")
local_slurm="$root/scripts/cluster/local-slurm"
submit="$root/scripts/cluster/sweep-slurm.sh"
job_wait_seconds=${DEPLOYSIM_SLURM_JOB_WAIT:-300}

for tool in munged slurmctld slurmd sbatch scancel scontrol squeue sinfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not found: Slurm and munge are not installed (scripts/bootstrap installs Debian's slurm-wlm and munge)"
    exit 77
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: not root: slurmd runs job steps as their user and must start as root (scripts/test runs as root)"
  exit 77
fi

fail() {
  echo "FAIL: $*"
  exit 1
}

rm -rf "$work" && mkdir -p "$work" && cd "$work"
cluster=$(mktemp -d /tmp/deploysim-slurm.XXXXXX)
trap '"$local_slurm" stop "$cluster"' EXIT
started=$SECONDS
"$local_slurm" start "$cluster"
# shellcheck source=/dev/null
. "$cluster/env"
daemons="$(cat "$cluster/slurmctld.pid" "$cluster/slurmd.pid" "$cluster/munge/munged.pid")"
echo "cluster up in $((SECONDS - started)) s"
export DEPLOYSIM="$deploysim"

state_of() { scontrol show job -o "$1" | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }
reason_of() { scontrol show job -o "$1" | grep -o 'Reason=[A-Za-z_]*' | head -n 1 | cut -d= -f2; }

# wait_for JOB: until every task of JOB has ended (at most job_wait_seconds); sets state to its state.
wait_for() {
  local job=$1 deadline=$((SECONDS + job_wait_seconds))
  while squeue -h -j "$job" -o %i 2>/dev/null | grep -q .; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      squeue
      tail -n 30 "$cluster"/log/slurmctld.log
      fail "job $job has not ended after $job_wait_seconds s"
    fi
    sleep 0.2
  done
  state=$(state_of "$job")
}

# submit OUT [ARGS BEFORE THE SWEEP...]: runs sweep-slurm.sh; sets array and merge to the job ids.
submit() {
  local out=$1 line
  shift
  line=$("$submit" "$@" "$sweep" "$out" "${flags[@]}")
  echo "$line"
  [[ $line =~ ^submitted\ sweep\ array\ ([0-9]+)\ and\ its\ merge\ ([0-9]+)$ ]] || fail "sweep-slurm.sh printed: $line"
  array=${BASH_REMATCH[1]}
  merge=${BASH_REMATCH[2]}
}

same_as_unsharded() {  # same_as_unsharded DIR WHAT
  local count=0 file
  for file in unsharded/*; do
    cmp "$file" "$1/$(basename "$file")" || fail "$2: $(basename "$file") differs from the unsharded run"
    count=$((count + 1))
  done
  [ "$count" -ge 4 ] || fail "the unsharded run wrote $count files"
  echo "ok: $2 gives the unsharded run's $count files byte for byte"
}

"$deploysim" sweep "$sweep" --out unsharded --quiet "${flags[@]}"

# 1. The whole array and its merge.
started=$SECONDS
submit whole
wait_for "$merge"
[ "$state" = COMPLETED ] || { cat deploysim-merge-"$merge".log; fail "merge job $merge ended $state"; }
for task in 0 1 2 3; do
  [ "$(state_of "${array}_${task}")" = COMPLETED ] || fail "array task ${array}_${task} did not complete"
done
same_as_unsharded whole "the Slurm array (4 shards on the node) and its merge job"
echo "array and merge in $((SECONDS - started)) s"

# 2. Shard 2 cancelled before it starts: the array is submitted held, task 2 cancelled, the rest released.
started=$SECONDS
SBATCH_HOLD=1 submit cancelled
scancel "${array}_2"
scontrol release "$array"
scontrol release "$merge" 2>/dev/null || true
wait_for "$merge"
[ "$state" = CANCELLED ] || fail "the merge job after a cancelled shard ended $state, expected CANCELLED"
reason=$(reason_of "$merge")
[ "$reason" = DependencyNeverSatisfied ] || fail "the merge job was cancelled for $reason, expected DependencyNeverSatisfied"
wait_for "$array"
for task in 0 1 3; do
  [ "$(state_of "${array}_${task}")" = COMPLETED ] || fail "array task ${array}_${task} did not complete"
done
# A task cancelled while pending leaves no record of its own (no accounting here): it never ran.
[ ! -e cancelled/partials/000-grace-retries.part-2-of-4.json ] || fail "the cancelled shard wrote its partial"
echo "ok: scancel of shard ${array}_2: Slurm cancelled merge job $merge ($reason)"
set +e
"$deploysim" merge --out cancelled cancelled/partials/*.part-*-of-4.json >merge.out 2>&1
rc=$?
set -e
cat merge.out
[ "$rc" -eq 2 ] || fail "deploysim merge with shard 2 missing exited $rc, expected 2"
grep -qF "found none for shard 2/4" merge.out || fail "deploysim merge did not name the missing shard 2/4"
[ ! -e cancelled/000-grace-retries.csv ] || fail "the refused merge wrote a CSV"
echo "ok: deploysim merge refuses the three partials, naming shard 2/4"

# 3. Shard 2 re-submitted, with a new merge.
submit cancelled --resubmit 2
wait_for "$merge"
[ "$state" = COMPLETED ] || { cat deploysim-merge-"$merge".log; fail "merge job $merge after the re-submitted shard ended $state"; }
same_as_unsharded cancelled "shard 2 re-submitted (sweep-slurm.sh --resubmit 2) and its merge job"
echo "cancel, refusal and re-submission in $((SECONDS - started)) s"

# Nothing left behind: the daemons have exited and the cluster's directory is gone.
started=$SECONDS
trap - EXIT
"$local_slurm" stop "$cluster"
for pid in $daemons; do
  ! kill -0 "$pid" 2>/dev/null || fail "daemon $pid still runs after stop"
done
[ ! -e "$cluster" ] || fail "$cluster is still there after stop"
echo "ok: cluster stopped in $((SECONDS - started)) s, its daemons gone and $cluster removed"
