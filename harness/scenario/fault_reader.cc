// "faults": things that go wrong on a timeline, whatever the deployment does.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {

sim::model::Fault read_fault(const Node& node, const std::vector<std::string>& dependency_names,
                             const std::vector<std::string>& availability_zones) {
  using sim::model::FaultKind;
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::Fault fault;
  fault.at = reader.required("atSeconds").as_seconds();
  fault.kind = reader.required("kind").as_choice<FaultKind>(
      {{"dependency_outage", FaultKind::dependency_outage},
       {"stop_task", FaultKind::stop_task},
       {"az_lost", FaultKind::az_lost}});
  const Node target = reader.required("target");
  if (fault.kind == FaultKind::dependency_outage) {
    fault.target = dependency_names[target.as_reference(dependency_names, "dependencies")];
    // An outage without an end is a dependency with reachable: false, not a fault.
    fault.duration = reader.required("durationSeconds").as_seconds();
  } else if (fault.kind == FaultKind::az_lost) {
    // The zone whose tasks are lost; for durationSeconds after (default 0) it takes no task.
    if (availability_zones.empty()) {
      target.fail("an Availability Zone listed in platform.availabilityZones (the scenario lists none)");
    }
    fault.availability_zone = static_cast<int>(
        target.as_reference(availability_zones, "Availability Zones in platform.availabilityZones"));
    fault.target = availability_zones[static_cast<std::size_t>(fault.availability_zone)];
    fault.duration = reader.seconds_or("durationSeconds", fault.duration);
  } else {
    // Which revision's task is killed: one of the old deployment's or one of the new one's.
    fault.target = target.as_choice<std::string>({{"old", "old"}, {"new", "new"}});
    fault.duration = reader.seconds_or("durationSeconds", fault.duration);
    fault.count = reader.int_or("count", fault.count, {1, 5000});
  }
  reader.finish();
  return fault;
}

}  // namespace harness::scenario
