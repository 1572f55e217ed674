#include "harness/docker/leftovers.h"

#include <signal.h>

#include <cctype>
#include <cerrno>
#include <map>
#include <sstream>

namespace harness::docker {

std::optional<int> run_owner_pid(const std::string& run_id) {
  std::istringstream parts(run_id);
  for (std::string part; std::getline(parts, part, '-');) {
    if (part.empty() || part.size() > 9) continue;
    bool digits = true;
    for (const char c : part) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (digits) return std::stoi(part);
  }
  return std::nullopt;
}

bool run_going(const std::string& run_id) {
  const std::optional<int> pid = run_owner_pid(run_id);
  if (!pid || *pid <= 1) return false;
  // Signal 0 checks the process exists; EPERM: it does, as another user's.
  return kill(*pid, 0) == 0 || errno == EPERM;
}

Cleanup remove_leftovers(const DockerClient& docker, const std::string& run_id) {
  Cleanup done;
  if (!run_id.empty()) {
    for (const std::string& id : docker.containers_labelled(std::string(kRunLabel) + "=" + run_id)) {
      docker.remove_container(id);
      ++done.removed;
    }
    return done;
  }
  std::map<std::string, bool> going;  // by run id, asked once
  for (const auto& [id, run] : docker.label_values(kRunLabel)) {
    if (!going.count(run)) going[run] = run_going(run);
    if (going[run]) {
      done.kept_runs.insert(run);
      ++done.kept;
      continue;
    }
    docker.remove_container(id);
    ++done.removed;
  }
  return done;
}

}  // namespace harness::docker
