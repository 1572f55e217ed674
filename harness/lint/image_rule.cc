// image-not-built: deploying a revision whose images are exactly those already running changes
// configuration only. When new code was built, its tag is not in the task definition: seed 001's
// deploy script pushed image .165 and deployed the old config naming .162.
#include <algorithm>

#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "seed 001: the deploy script built and pushed image .165 but deployed a config still naming "
    ".162, so old code without the new variables went out";

std::vector<std::string> sorted_images(const sim::model::TaskDefinition& definition) {
  std::vector<std::string> images;
  for (const auto& container : definition.containers) images.push_back(container.image);
  std::sort(images.begin(), images.end());
  return images;
}

}  // namespace

void check_image_not_built(const LintContext& context, Findings& out) {
  // Deploying the running revision again (a forced new deployment) is a restart, not a release.
  if (context.deployed_index() == context.scenario.initial_task_definition) return;
  const sim::model::TaskDefinition& deployed = context.deployed();
  const sim::model::TaskDefinition& initial = context.initial();
  if (deployed.containers.empty() || sorted_images(deployed) != sorted_images(initial)) return;
  out.add(Severity::warning, "image-not-built", context.container(0, "/image"),
          deployed.arn_name() + " runs the same image" +
              (deployed.containers.size() > 1 ? "s" : "") + " as the running " +
              initial.arn_name() + " (" + deployed.containers.front().image +
              (deployed.containers.size() > 1 ? ", ..." : "") +
              "): if new code was built, its tag is not in this task definition",
          kWhy);
}

}  // namespace harness::lint
