// "check": the fault envelope `deploysim check` explores and the intents its runs must meet.
// Read here; explored by harness/check. The simulation never sees it.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::BreakingFault;
using sim::observe::Outcome;

sim::model::FaultEnvelope read_envelope(const Node& node, const std::vector<std::string>& dependency_names) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::FaultEnvelope envelope;
  envelope.max_slow_start = reader.seconds_or("slowStartSeconds", envelope.max_slow_start, {0, 3600});
  if (const std::optional<Node> blips = reader.get("dependencyBlips")) {
    ObjectReader blip = blips->as_object(UnknownKeys::reject);
    for (const Node& target : blip.required("targets").as_array())
      envelope.blip_targets.push_back(dependency_names[target.as_reference(dependency_names, "dependencies")]);
    envelope.max_blip = blip.required("maxSeconds").as_seconds({0.001, 86400});
    blip.finish();
  }
  // The timeline's earlier calls may move in time, and their desiredCount change (ecs-rules §12).
  envelope.max_timeline_shift = reader.seconds_or("timelineShiftSeconds", envelope.max_timeline_shift, {0, 86400});
  envelope.max_desired_count_change = reader.int_or("desiredCountChange", envelope.max_desired_count_change, {0, 5000});
  if (const std::optional<Node> breaking = reader.get("breaking")) {
    for (const Node& fault : breaking->as_array())
      envelope.breaking.push_back(fault.as_choice<BreakingFault>({{"oom", BreakingFault::oom},
                                                                  {"missing_secret", BreakingFault::missing_secret},
                                                                  {"crash_loop", BreakingFault::crash_loop},
                                                                  {"missing_probe_binary", BreakingFault::missing_probe_binary},
                                                                  {"bind_localhost", BreakingFault::bind_localhost},
                                                                  {"bad_config", BreakingFault::bad_config}}));
  }
  reader.finish();
  return envelope;
}

Outcome read_outcome(const Node& node) {
  const auto choice = [](Outcome o) { return Choice<Outcome>{sim::observe::to_string(o), o}; };
  return node.as_choice<Outcome>({choice(Outcome::completed), choice(Outcome::rolled_back),
                                  choice(Outcome::failed), choice(Outcome::stuck)});
}

sim::model::Intent read_intent(const Node& node) {
  using sim::model::DeployClass;
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::Intent intent;
  intent.name = reader.required("name").as_name();
  intent.deploys = reader.choice_or<DeployClass>(
      "deploys", intent.deploys, {{"good", DeployClass::good}, {"bad", DeployClass::bad}, {"any", DeployClass::any}});
  const Node outcome = reader.required("outcome");
  if (outcome.json().is_array()) {
    for (const Node& element : outcome.as_array()) intent.outcomes.push_back(read_outcome(element));
    if (intent.outcomes.empty()) outcome.fail("at least one outcome");
  } else {
    intent.outcomes.push_back(read_outcome(outcome));
  }
  if (const std::optional<Node> within = reader.get("withinSeconds")) intent.within = within->as_seconds();
  reader.finish();
  return intent;
}

}  // namespace

sim::model::CheckSpec read_check_spec(const Node& node, const std::vector<std::string>& dependency_names) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::CheckSpec spec;
  spec.runs = reader.int_or("runs", spec.runs, {1, 1'000'000});
  if (const std::optional<Node> envelope = reader.get("envelope"))
    spec.envelope = read_envelope(*envelope, dependency_names);
  const Node intents = reader.required("intents");
  for (const Node& element : intents.as_array()) spec.intents.push_back(read_intent(element));
  if (spec.intents.empty()) intents.fail("at least one intent");
  reader.finish();
  return spec;
}

}  // namespace harness::scenario
