// The tidy scanner: finds uses of APIs that would make sim/ non-deterministic, non-portable or
// impure (STYLE.md "Determinism by construction"; TigerBeetle's tidy test bans APIs the same way).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidy {

struct Violation {
  int line = 0;          // 1-based
  std::string banned;    // which rule, e.g. "std::random_device"
  std::string why;       // why sim/ must not use it
  std::string text;      // the offending source line
};

// Scans one file's text. Code inside // and /* */ comments and inside string or character
// literals is ignored, except that an #include's path is checked.
std::vector<Violation> find_banned(std::string_view source);

// The includes of `source` that reach into the folder `forbidden` (e.g. "sim/world/"): the layer
// rules of DESIGN.md, such as "the control plane (sim/ecs) never depends on the simulated world".
std::vector<Violation> find_includes_of(std::string_view source, std::string_view forbidden);

}  // namespace tidy
