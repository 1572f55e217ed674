#include "harness/readers/service_choice.h"

namespace harness::readers {

std::string choose_service_candidate(const SourceText& source, const std::string& pointer, const std::string& what,
                                     const std::vector<ServiceCandidate>& candidates, const std::string& wanted) {
  std::string listed;
  for (const ServiceCandidate& c : candidates)
    listed += (listed.empty() ? "" : ", ") + c.name + (c.name == c.key ? "" : " (" + c.key + ")");
  if (candidates.empty()) source.fail(pointer, "", what, "none");
  if (wanted.empty()) {
    if (candidates.size() == 1) return candidates[0].key;
    source.fail(pointer, "", "one service, or --service NAME naming one of " + listed,
                std::to_string(candidates.size()) + " services");
  }
  for (const ServiceCandidate& c : candidates)
    if (c.name == wanted || c.key == wanted) return c.key;
  source.fail(pointer, "", "--service naming one of " + listed, "\"" + wanted + "\"");
}

}  // namespace harness::readers
