// Setting one value of a JSON document by RFC 6901 pointer: how a sweep changes a setting of its
// base scenario before the scenario is loaded.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace harness::sweep {

// Puts `value` at `pointer` in `document`: replaces an existing value, or adds a member to an
// object that exists ("/service/healthCheckGracePeriodSeconds" when the service has none). An
// array element must exist. Returns nullopt on success, else what was expected there, e.g.
// "a pointer whose parent /service/foo exists" or "an index below 2 of /taskDefinitions".
std::optional<std::string> set_at_pointer(nlohmann::json& document, const std::string& pointer,
                                          const nlohmann::json& value);

}  // namespace harness::sweep
