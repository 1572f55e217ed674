// "platform": how long the steps no app controls take (provisioning, image pull, target
// registration, deprovisioning) and how much they vary.
#include <algorithm>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {

PlatformSection read_platform(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  PlatformSection platform;
  sim::model::PlatformTiming& timing = platform.timing;
  timing.provisioning = reader.seconds_or("provisioningSeconds", timing.provisioning);
  timing.pull = reader.seconds_or("pullSeconds", timing.pull);
  timing.activating = reader.seconds_or("activatingSeconds", timing.activating);
  timing.deprovisioning = reader.seconds_or("deprovisioningSeconds", timing.deprovisioning);
  if (const std::optional<Node> jitter = reader.get("jitter")) {
    std::tie(timing.jitter_low_permille, timing.jitter_high_permille) =
        jitter->as_int_pair(kPermilleRange);
  }
  // The Availability Zones of the service's subnets (ecs-rules §12.6): 1-6 distinct names, as
  // a region has at most six.
  if (const std::optional<Node> zones = reader.get("availabilityZones")) {
    platform.availability_zones = zones->as_names();
    if (platform.availability_zones.empty() || platform.availability_zones.size() > 6) {
      zones->fail("1 to 6 Availability Zone names, such as [\"us-east-1a\", \"us-east-1b\"]");
    }
    for (std::size_t i = 0; i < platform.availability_zones.size(); ++i) {
      const auto& names = platform.availability_zones;
      if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
          names.begin() + static_cast<std::ptrdiff_t>(i)) {
        zones->child(i).fail("an Availability Zone not named before (\"" + names[i] + "\" is listed twice)");
      }
    }
  }
  if (const std::optional<Node> memory = reader.get("clusterMemoryMiB")) {
    platform.cluster_memory_mib = memory->as_int32({1});
  }
  reader.finish();
  return platform;
}

}  // namespace harness::scenario
