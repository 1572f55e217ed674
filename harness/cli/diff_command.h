// `deploysim diff BASE HEAD`: two versions of a service's deployment run over the same population
// of deploys and compared measure by measure (harness/ci/deploy_diff.h), printed as text, JSON or
// a Markdown pull-request comment, with `--fail-on` for CI.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 1 when HEAD is worse than BASE on a --fail-on measure beyond its
// tolerance, 0 otherwise. Bad input or flags (two different services, a base ref git cannot show)
// throw ScenarioError or UsageError, which main() maps to 2.
int diff_command(const std::vector<std::string>& args);

}  // namespace harness::cli
