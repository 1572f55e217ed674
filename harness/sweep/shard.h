// Which slice of a sweep this process runs: `--shard K/N`, or the index a batch engine gives each
// element of a job array (K8s Indexed Job, Slurm array, AWS Batch array job). Indexes are 0-based.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace harness::sweep {

struct Shard {
  int index = 0;
  int count = 1;
  std::string source;  // "--shard", or the variables it came from ("SLURM_ARRAY_TASK_ID/COUNT")
};

// "K/N" with 0 <= K < N <= 100000; nullopt and `error` set otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

// The shard a job-array element runs, from the environment (`getenv` is std::getenv outside
// tests), in this order:
//   JOB_COMPLETION_INDEX (Kubernetes Indexed Job) with DEPLOYSIM_SHARD_COUNT (the Job's
//     completions; Kubernetes does not pass it),
//   SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (0 when unset) with SLURM_ARRAY_TASK_COUNT,
//   AWS_BATCH_JOB_ARRAY_INDEX with AWS_BATCH_JOB_ARRAY_SIZE.
// DEPLOYSIM_SHARD_COUNT, when set, overrides the engine's count. nullopt without error: no job
// array. nullopt with `error` set: an index without a count, or values that are no shard.
std::optional<Shard> shard_from_environment(const std::function<const char*(const char*)>& getenv,
                                            std::string& error);

}  // namespace harness::sweep
