// The load balancer target group's health check, with ELBv2's names as
// `aws elbv2 describe-target-groups` prints them (ecs-rules §6).
#include <sstream>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

// {"TargetGroups": [...]}: the whole describe-target-groups answer, for one target group.
Node unwrap(const Node& node) {
  if (!node.json().is_object() || !node.json().contains("TargetGroups")) return node;
  ObjectReader wrapper = node.as_object(UnknownKeys::ignore);
  const Node groups = wrapper.required("TargetGroups");
  wrapper.finish();
  if (!groups.json().is_array() || groups.json().size() != 1) {
    groups.fail("an array of exactly one target group (deploysim models one)");
  }
  return groups.child(0);
}

// Matcher.HttpCode: "200", "200-299" or "200,302"; an ALB accepts codes 200-499.
std::vector<int> read_http_codes(const Node& node) {
  const std::string expected = "HTTP codes 200-499 as \"200\", \"200-299\" or \"200,302\"";
  std::istringstream items(node.as_name());
  std::vector<int> codes;
  for (std::string item; std::getline(items, item, ',');) {
    int low = 0;
    int high = 0;
    char dash = 0;
    std::istringstream range(item);
    if (!(range >> low)) node.fail(expected);
    high = low;
    if (range >> dash && (dash != '-' || !(range >> high))) node.fail(expected);
    if (!range.eof() || low < 200 || high > 499 || low > high) node.fail(expected);
    for (int code = low; code <= high; ++code) codes.push_back(code);
  }
  if (codes.empty()) node.fail(expected);
  return codes;
}

int read_health_check_port(const Node& node) {
  if (node.json() == "traffic-port") return 0;
  return node.as_int_or_digits(kPortRange);
}

// ELBv2 requires the timeout to be shorter than the interval; blame whichever of the two was
// written (the interval, when the timeout is the default).
void check_timeout_below_interval(ObjectReader& reader,
                                  const sim::model::TargetGroupHealthCheck& group) {
  if (group.timeout < group.interval) return;
  if (reader.has("HealthCheckTimeoutSeconds")) {
    reader.required("HealthCheckTimeoutSeconds")
        .fail(SecondsRange{2, 120}.describe() + " and less than HealthCheckIntervalSeconds (" +
              sim::format_seconds(group.interval) + ")");
  }
  reader.required("HealthCheckIntervalSeconds")
      .fail(SecondsRange{5, 300}.describe() + " and more than the default timeout (" +
            sim::format_seconds(group.timeout) + ")");
}

}  // namespace

sim::model::TargetGroupHealthCheck read_target_group(const Node& node) {
  ObjectReader reader = unwrap(node).as_object(UnknownKeys::ignore);
  sim::model::TargetGroupHealthCheck group;
  group.name =
      reader.value_or("TargetGroupName", group.name, [](const Node& n) { return n.as_name(); });
  group.path = reader.value_or("HealthCheckPath", group.path, [](const Node& n) {
    const std::string path = n.as_name();
    if (path.front() != '/') n.fail("a path starting with \"/\"");
    return path;
  });
  group.port = reader.value_or("HealthCheckPort", group.port, read_health_check_port);
  group.interval = reader.seconds_or("HealthCheckIntervalSeconds", group.interval, {5, 300});
  group.timeout = reader.seconds_or("HealthCheckTimeoutSeconds", group.timeout, {2, 120});
  check_timeout_below_interval(reader, group);
  group.healthy_threshold =
      reader.int_or("HealthyThresholdCount", group.healthy_threshold, {2, 10});
  group.unhealthy_threshold =
      reader.int_or("UnhealthyThresholdCount", group.unhealthy_threshold, {2, 10});
  if (const std::optional<Node> matcher = reader.get("Matcher")) {
    ObjectReader codes = matcher->as_object(UnknownKeys::ignore);
    group.matcher = read_http_codes(codes.required("HttpCode"));
    codes.finish();
  }
  group.deregistration_delay =
      reader.seconds_or("DeregistrationDelaySeconds", group.deregistration_delay, {0, 3600});
  reader.finish();
  return group;
}

}  // namespace harness::scenario
