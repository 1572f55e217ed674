#!/bin/sh
# Sweep issue, "It must show": the shipped sweep run whole, then as 4 shards in 4 separate
# processes (two by --shard, one as a Kubernetes Indexed Job element, one as a Slurm array task,
# on different thread counts), merged by `deploysim merge`, gives the same files byte for byte.
# Also: --threads 1 and --threads 3 give the same files, and no progress bar is drawn off a TTY.
# usage: shards_merge.sh <deploysim> <sweep file> <work dir> [sweep flags, e.g. --axis ... for a smaller grid]
set -eu
deploysim=$1 sweep=$2 work=$3
shift 3
rm -rf "$work" && mkdir -p "$work"
# Few deploys per cell: sharding and merging must be exact whatever the count, and the test stays
# cheap in the sanitizer build.
grid="$*"
run() { "$deploysim" sweep "$sweep" --runs 12 $grid "$@"; }

run --out "$work/whole" --threads 2 >"$work/whole.txt" 2>"$work/whole.err"
run --out "$work/parts" --shard 0/4 --threads 1 -q
run --out "$work/parts" --shard 1/4 --threads 2 -q
JOB_COMPLETION_INDEX=2 DEPLOYSIM_SHARD_COUNT=4 run --out "$work/parts" --threads 3 >"$work/k8s.txt"
SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4 run --out "$work/parts" --threads 1 >"$work/slurm.txt"
grep -q "from JOB_COMPLETION_INDEX and DEPLOYSIM_SHARD_COUNT" "$work/k8s.txt"
grep -q "from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT" "$work/slurm.txt"
test "$(ls "$work/parts" | wc -l)" -eq 4
"$deploysim" merge --out "$work/merged" "$work"/parts/*.json >"$work/merged.txt"
run --out "$work/one-thread" --threads 1 -q

test ! -s "$work/whole.err" || { echo "FAIL: wrote to stderr off a TTY:"; cat "$work/whole.err"; exit 1; }
count=0
for file in "$work"/whole/*; do
  name=$(basename "$file")
  cmp "$file" "$work/merged/$name"
  cmp "$file" "$work/one-thread/$name"
  count=$((count + 1))
done
test "$count" -eq 6
grep -v '^wrote ' "$work/whole.txt" >"$work/whole.summary"
grep -v '^wrote ' "$work/merged.txt" >"$work/merged.summary"
cmp "$work/whole.summary" "$work/merged.summary"
echo "ok: 4 shards merged and 1 vs 2 threads give the same $count files byte for byte"
