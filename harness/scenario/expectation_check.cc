#include "harness/scenario/expectation_check.h"

#include <optional>
#include <string_view>

namespace harness::scenario {
namespace {

using sim::model::Bounds;

std::string shown(sim::Millis t) { return sim::format_seconds(t); }
std::string shown(int count) { return std::to_string(count); }

template <typename T>
std::string describe(const Bounds<T>& bounds) {
  if (bounds.min && bounds.max) {
    if (*bounds.min == *bounds.max) return "exactly " + shown(*bounds.min);
    return "between " + shown(*bounds.min) + " and " + shown(*bounds.max);
  }
  return bounds.min ? "at least " + shown(*bounds.min) : "at most " + shown(*bounds.max);
}

template <typename T>
bool within(const Bounds<T>& bounds, T value) {
  return (!bounds.min || value >= *bounds.min) && (!bounds.max || value <= *bounds.max);
}

// Collects the unmet lines, one metric at a time.
class Checker {
 public:
  // `value` is absent when the run never produced the metric; `why_none` then says why.
  template <typename T>
  void check(std::string_view metric, const Bounds<T>& bounds, std::optional<T> value,
             std::string_view why_none = "") {
    if (!bounds.any() || (value && within(bounds, *value))) return;
    const std::string got = value ? shown(*value) : "none (" + std::string(why_none) + ")";
    unmet_.push_back(std::string(metric) + ": expected " + describe(bounds) + ", got " + got);
  }

  void add(std::string line) { unmet_.push_back(std::move(line)); }
  std::vector<std::string> lines() && { return std::move(unmet_); }

 private:
  std::vector<std::string> unmet_;
};

}  // namespace

std::vector<std::string> unmet_expectations(const sim::model::Expectations& expect,
                                            const sim::observe::RunResult& result) {
  using sim::observe::to_string;
  Checker checker;
  if (result.outcome != expect.outcome) {
    checker.add("outcome: expected " + std::string(to_string(expect.outcome)) + ", got " +
                std::string(to_string(result.outcome)));
  }
  const sim::observe::Metrics& m = result.metrics;
  checker.check("time to outcome", expect.time_to_outcome, m.time_to_outcome,
                "no outcome by the end of the run");
  checker.check("time to detect", expect.time_to_detect, m.time_to_detect,
                "no task of the deployment failed");
  checker.check("failed tasks", expect.failed_tasks, std::optional<int>(m.failed_tasks));
  checker.check("OOM kills", expect.oom_kills, std::optional<int>(m.oom_kills));
  checker.check("tasks launched", expect.tasks_launched, std::optional<int>(m.tasks_launched));
  checker.check("scale-outs", expect.scale_outs, std::optional<int>(m.scale_outs));
  checker.check("scale-ins", expect.scale_ins, std::optional<int>(m.scale_ins));
  checker.check("peak desired count", expect.peak_desired_count, std::optional<int>(m.peak_desired_count));
  checker.check("time below desired healthy", expect.below_desired_healthy,
                std::optional<sim::Millis>(m.below_desired_healthy));
  checker.check("time with no healthy task", expect.zero_healthy,
                std::optional<sim::Millis>(m.zero_healthy));
  checker.check("errors served", expect.errors_served,
                std::optional<int>(static_cast<int>(m.target_5xx + m.elb_5xx)));
  if (m.errors_before_rollback) {
    checker.check("errors before rollback", expect.errors_before_rollback,
                  std::optional<int>(static_cast<int>(*m.errors_before_rollback)));
  } else {
    checker.check("errors before rollback", expect.errors_before_rollback, std::optional<int>(),
                  "the deployment never failed");
  }
  return std::move(checker).lines();
}

}  // namespace harness::scenario
