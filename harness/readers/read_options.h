// What the user tells the readers beyond the files: which service, template parameters, the
// revision a template's task definition stands for, and a format when detection should not decide.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace harness::readers {

struct ReadOptions {
  // `--service NAME`: the service to read when a file holds several (its name, or a template's
  // logical id, or a Terraform address). Empty: the only one; with several, an error lists them.
  std::string service;
  // `--parameter K=V`: CloudFormation parameters, over their defaults.
  std::map<std::string, std::string> parameters;
  // `--revision N`: the revision number of what runs now, where the source has none (templates,
  // ecspresso). The deployed revision is the next one. Default 1.
  int revision = 1;
  // `--format`: "terraform", "cloudformation", "ecspresso", "live", "scenario"; empty: detected.
  std::string format;
  // `init --run-image IMAGE`: apps whose containers real mode runs as the image itself rather
  // than with the chaos app playing the derived profile ("runImage", harness/docker/own_image.h).
  std::vector<std::string> run_images;
};

}  // namespace harness::readers
