// "dependencies": the external services apps connect to, when they become ready, and when they
// are down.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::Millis;

// readyAfterSeconds: a number (always that long) or [min, max] (uniform in between, for CI
// services whose start-up time varies; seed 003).
std::pair<Millis, Millis> read_ready_after(const Node& node) {
  if (!node.json().is_array()) {
    const Millis after = node.as_seconds();
    return {after, after};
  }
  const std::string expected = "a number of seconds or [min, max] with min <= max";
  if (node.json().size() != 2) node.fail(expected);
  const Millis min = node.child(0).as_seconds();
  const Millis max = node.child(1).as_seconds();
  if (min > max) node.fail(expected);
  return {min, max};
}

sim::model::TimeWindow read_outage(const Node& node) {
  ObjectReader outage = node.as_object(UnknownKeys::reject);
  const Millis from = outage.required("fromSeconds").as_seconds();
  const Node to_node = outage.required("toSeconds");
  const Millis to = to_node.as_seconds();
  outage.finish();
  if (to <= from)
    to_node.fail("a number of seconds after fromSeconds (" + sim::format_seconds(from) + ")");
  return {from, to};
}

}  // namespace

sim::model::DependencyProfile read_dependency(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::DependencyProfile dependency;
  dependency.name = reader.required("name").as_name();
  if (const std::optional<Node> ready = reader.get("readyAfterSeconds")) {
    std::tie(dependency.ready_after_min, dependency.ready_after_max) = read_ready_after(*ready);
  }
  dependency.reachable = reader.bool_or("reachable", dependency.reachable);
  dependency.url_variable = reader.string_or("urlVariable", "");
  dependency.schemes = reader.names_or_empty("schemes");
  if (const std::optional<Node> outages = reader.get("outages")) {
    for (const Node& outage : outages->as_array())
      dependency.outages.push_back(read_outage(outage));
  }
  reader.finish();
  return dependency;
}

}  // namespace harness::scenario
