// Shards: from --shard K/N or from a batch engine's job-array variables.
#include <catch2/catch.hpp>
#include <map>

#include "harness/sweep/shard.h"
#include "harness/sweep/sweep_runner.h"

using namespace harness::sweep;

namespace {

std::optional<Shard> from(const std::map<std::string, std::string>& env, std::string& error) {
  return shard_from_environment(
      [&](const char* name) -> const char* {
        const auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
      },
      error);
}

}  // namespace

TEST_CASE("the shard flag takes K/N with 0 <= K < N") {
  std::string error;
  const auto shard = parse_shard("2/4", error);
  REQUIRE(shard);
  CHECK(shard->index == 2);
  CHECK(shard->count == 4);
  CHECK_FALSE(parse_shard("4/4", error));
  CHECK(error == "expected K/N with 0 <= K < N <= 100000, found \"4/4\"");
  CHECK_FALSE(parse_shard("1", error));
  CHECK_FALSE(parse_shard("-1/3", error));
  CHECK_FALSE(parse_shard("1/0", error));
}

TEST_CASE("the shard comes from Kubernetes, Slurm or AWS Batch job-array variables") {
  // Given each engine's variables, then the shard is their index (Slurm's from its minimum) and
  // count; no variables means no shard; an index without a count is an error saying what to set.
  std::string error;
  auto k8s = from({{"JOB_COMPLETION_INDEX", "3"}, {"DEPLOYSIM_SHARD_COUNT", "8"}}, error);
  REQUIRE(k8s);
  CHECK((k8s->index == 3 && k8s->count == 8));
  auto slurm = from({{"SLURM_ARRAY_TASK_ID", "5"}, {"SLURM_ARRAY_TASK_MIN", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}, error);
  REQUIRE(slurm);
  CHECK((slurm->index == 1 && slurm->count == 4));
  auto batch = from({{"AWS_BATCH_JOB_ARRAY_INDEX", "0"}, {"AWS_BATCH_JOB_ARRAY_SIZE", "2"}}, error);
  REQUIRE(batch);
  CHECK((batch->index == 0 && batch->count == 2));
  CHECK_FALSE(from({}, error));
  CHECK(error.empty());
  CHECK_FALSE(from({{"JOB_COMPLETION_INDEX", "3"}}, error));
  CHECK(error == "JOB_COMPLETION_INDEX is set but DEPLOYSIM_SHARD_COUNT is not: set it to the number of shards");
  error.clear();
  CHECK_FALSE(from({{"AWS_BATCH_JOB_ARRAY_INDEX", "2"}, {"AWS_BATCH_JOB_ARRAY_SIZE", "2"}}, error));
  CHECK(error == "AWS_BATCH_JOB_ARRAY_INDEX and AWS_BATCH_JOB_ARRAY_SIZE: expected K/N with 0 <= K < N <= 100000, found \"2/2\"");
}

TEST_CASE("shard slices cover the grid exactly once, in order") {
  for (int count : {1, 3, 4, 7, 13}) {
    std::int64_t next = 0;
    for (int k = 0; k < count; ++k) {
      const RunSlice slice = shard_slice(10, k, count);
      CHECK(slice.begin == next);
      next = slice.end;
    }
    CHECK(next == 10);
  }
}
