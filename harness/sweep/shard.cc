#include "harness/sweep/shard.h"

#include <charconv>

namespace harness::sweep {
namespace {

constexpr int kMaxShards = 100000;

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() || value < 0) return std::nullopt;
  return value;
}

struct EngineVariables {
  const char* index;
  const char* count;
  const char* minimum;  // subtracted from the index (Slurm arrays may start anywhere), or null
};

}  // namespace

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
  const auto slash = text.find('/');
  const auto index = slash == std::string_view::npos ? std::nullopt : whole_number(text.substr(0, slash));
  const auto count = slash == std::string_view::npos ? std::nullopt : whole_number(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *count > kMaxShards || *index >= *count) {
    error = "expected K/N with 0 <= K < N <= " + std::to_string(kMaxShards) + ", found \"" + std::string(text) + "\"";
    return std::nullopt;
  }
  return Shard{*index, *count, "--shard"};
}

std::optional<Shard> shard_from_environment(const std::function<const char*(const char*)>& getenv,
                                            std::string& error) {
  static const EngineVariables engines[] = {
      {"JOB_COMPLETION_INDEX", "DEPLOYSIM_SHARD_COUNT", nullptr},
      {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"},
      {"AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE", nullptr},
  };
  for (const EngineVariables& engine : engines) {
    const char* index_text = getenv(engine.index);
    if (!index_text) continue;
    const char* count_text = getenv("DEPLOYSIM_SHARD_COUNT");
    const char* count_name = "DEPLOYSIM_SHARD_COUNT";
    if (!count_text) {
      count_text = getenv(engine.count);
      count_name = engine.count;
    }
    if (!count_text) {
      error = std::string(engine.index) + " is set but " + count_name + " is not: set it to the number of shards";
      return std::nullopt;
    }
    const char* minimum_text = engine.minimum ? getenv(engine.minimum) : nullptr;
    const auto index = whole_number(index_text), count = whole_number(count_text);
    const auto minimum = minimum_text ? whole_number(minimum_text) : std::optional<int>(0);
    if (!index || !count || !minimum || *index < *minimum) {
      error = std::string("expected whole numbers in ") + engine.index + "=" + index_text + " and " + count_name + "=" +
              count_text;
      return std::nullopt;
    }
    const std::string text = std::to_string(*index - *minimum) + "/" + count_text;
    std::optional<Shard> shard = parse_shard(text, error);
    if (!shard) {
      error = std::string(engine.index) + " and " + count_name + ": " + error;
      return std::nullopt;
    }
    shard->source = std::string(engine.index) + " and " + count_name;
    return shard;
  }
  return std::nullopt;
}

}  // namespace harness::sweep
