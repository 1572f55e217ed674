// `--service NAME` over a file that holds several services: the one named, the only one, or an
// error that lists them all so the user can pick.
#pragma once

#include <string>
#include <vector>

#include "harness/readers/source_text.h"

namespace harness::readers {

struct ServiceCandidate {
  std::string name;  // the service's name (ServiceName, name)
  std::string key;   // how the file knows it: a logical id, a Terraform address
};

// The key of the candidate whose name or key is `wanted`; with `wanted` empty, the only one.
// Throws ScenarioError at `pointer` of `source`: no candidate ("expected <what>, found none"),
// several without `wanted`, or none matching `wanted` (each listing the candidates).
std::string choose_service_candidate(const SourceText& source, const std::string& pointer, const std::string& what,
                                     const std::vector<ServiceCandidate>& candidates, const std::string& wanted);

}  // namespace harness::readers
