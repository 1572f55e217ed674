// "platform": how long the steps no app controls take (provisioning, image pull, target
// registration, deprovisioning) and how much they vary.
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
  if (const std::optional<Node> memory = reader.get("clusterMemoryMiB")) {
    platform.cluster_memory_mib = memory->as_int32({1});
  }
  reader.finish();
  return platform;
}

}  // namespace harness::scenario
