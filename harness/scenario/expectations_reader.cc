// "expect": the outcome a scenario must reach and bounds on the metrics that make its point.
// Read here, checked after the run by expectation_check.h; the simulation never sees it.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::Bounds;
using sim::observe::Outcome;

// {"min": a, "max": b}, at least one of them, a <= b; each end read by `read_end`.
template <typename T, typename ReadEnd>
Bounds<T> read_range(const Node& node, ReadEnd read_end) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  const std::optional<Node> min = reader.get("min");
  const std::optional<Node> max = reader.get("max");
  reader.finish();
  if (!min && !max) node.fail("an object with \"min\", \"max\" or both");
  Bounds<T> bounds;
  if (min) bounds.min = read_end(*min);
  if (max) bounds.max = read_end(*max);
  if (min && max && *bounds.max < *bounds.min)
    max->fail("a value >= \"min\" (" + min->json().dump() + ")");
  return bounds;
}

Bounds<sim::Millis> read_seconds_bounds(const Node& node) {
  return read_range<sim::Millis>(node, [](const Node& end) { return end.as_seconds(); });
}

// A count: a range, or a bare integer meaning exactly that many ("failedTasks": 3).
Bounds<int> read_count_bounds(const Node& node) {
  constexpr IntRange kCount{0, 1'000'000'000};
  if (node.json().is_number()) {
    const int exactly = node.as_int32(kCount);
    return {exactly, exactly};
  }
  return read_range<int>(node, [&](const Node& end) { return end.as_int32(kCount); });
}

}  // namespace

sim::model::Expectations read_expectations(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::Expectations expect;
  const auto outcome = [](Outcome o) { return Choice<Outcome>{sim::observe::to_string(o), o}; };
  expect.outcome = reader.required("outcome").as_choice<Outcome>(
      {outcome(Outcome::completed), outcome(Outcome::rolled_back), outcome(Outcome::failed),
       outcome(Outcome::stuck), outcome(Outcome::steady_state)});
  const auto seconds = [&](std::string_view key, Bounds<sim::Millis>& bounds) {
    if (const std::optional<Node> member = reader.get(key)) bounds = read_seconds_bounds(*member);
  };
  const auto count = [&](std::string_view key, Bounds<int>& bounds) {
    if (const std::optional<Node> member = reader.get(key)) bounds = read_count_bounds(*member);
  };
  seconds("timeToOutcomeSeconds", expect.time_to_outcome);
  seconds("timeToDetectSeconds", expect.time_to_detect);
  count("failedTasks", expect.failed_tasks);
  count("oomKills", expect.oom_kills);
  count("tasksLaunched", expect.tasks_launched);
  count("scaleOuts", expect.scale_outs);
  count("scaleIns", expect.scale_ins);
  count("peakDesiredCount", expect.peak_desired_count);
  seconds("belowDesiredHealthySeconds", expect.below_desired_healthy);
  seconds("zeroHealthySeconds", expect.zero_healthy);
  count("errorsServed", expect.errors_served);
  count("errorsBeforeRollback", expect.errors_before_rollback);
  reader.finish();
  return expect;
}

}  // namespace harness::scenario
