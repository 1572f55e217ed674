// One app profile on its own: the JSON of one member of a scenario's "apps", read exactly as the
// scenario loader reads it (section_readers.h). Real mode hands each container its profile as
// this text, and the chaos app in docker/ plays it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/model/app_profile.h"

namespace harness::scenario {

// Reads `json` (an "apps" member) as the profile of `image`. Dependency names in it must be among
// `dependency_names`. Bad input throws ScenarioError naming `display_name`.
sim::model::AppProfile read_app_profile_text(std::string_view json, const std::string& image,
                                             const std::vector<std::string>& dependency_names,
                                             const std::string& display_name);

// The JSON text of the "apps" member for `image` in the scenario file at `path`, as a compact
// string; throws ScenarioError when the file or the member is not there.
std::string app_profile_json(const std::string& path, const std::string& image);

}  // namespace harness::scenario
