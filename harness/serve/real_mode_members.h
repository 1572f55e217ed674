// The members of a task definition that real mode runs by (harness/docker/own_image.h) but the
// simulator's model does not keep: the task's networkMode, and each container's entryPoint,
// command, ulimits, cpu and its portMappings' protocol. A served service's scenario file is
// written from the model (scenario_writer.h), so `serve --real` carries them over from what was
// registered — or else the user's own image ran without its command, in the wrong network mode.
#pragma once

#include <nlohmann/json.hpp>

namespace harness::serve {

// Copies those members of `from` (a task definition as registered, or as a scenario file holds
// it) into `to` (the same definition as the scenario writer writes it; ordered, as it does): containers matched by
// name, port mappings by containerPort. Members `from` lacks, or of another type, are left as
// they are: the registration's reader has already checked what it accepted.
void copy_real_mode_members(const nlohmann::ordered_json& from, nlohmann::ordered_json& to);

}  // namespace harness::serve
