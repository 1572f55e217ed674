// What a container's configuration says a variable holds, and whether a URL names its scheme:
// shared by the simulated world (an app that cannot use its Redis URL) and lint (seed 002's
// scheme-less REDIS_URL, which arrived as a secret).
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "sim/model/scenario.h"

namespace sim::model {

// The value `name` has in `container`: its environment value, else the value the scenario gives
// for the secret's valueFrom; nullopt when the file does not say (a secret of unknown value, or
// a variable the container is not given).
inline std::optional<std::string> configured_value(const Scenario& scenario,
                                                   const ContainerDefinition& container,
                                                   const std::string& name) {
  if (const auto env = container.environment.find(name); env != container.environment.end())
    return env->second;
  const auto source = container.secret_sources.find(name);
  if (source == container.secret_sources.end()) return std::nullopt;
  const auto value = scenario.secret_values.find(source->second);
  if (value == scenario.secret_values.end()) return std::nullopt;
  return value->second;
}

// The scheme of a URL ("rediss" of "rediss://cache:6379"), or "" when it has none. RFC 3986:
// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), here followed by "://".
inline std::string url_scheme(const std::string& value) {
  const std::size_t colon = value.find("://");
  if (colon == std::string::npos || colon == 0) return "";
  if (!std::isalpha(static_cast<unsigned char>(value[0]))) return "";
  const bool valid = std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
    return std::isalnum(c) || c == '+' || c == '-' || c == '.';
  });
  if (!valid) return "";
  std::string scheme = value.substr(0, colon);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme;
}

}  // namespace sim::model
