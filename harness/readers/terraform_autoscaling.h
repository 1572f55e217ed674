// Application Auto Scaling in a Terraform plan or state: aws_appautoscaling_target and
// aws_appautoscaling_policy of any service, copied into the shapes the AWS CLI prints
// (ScalableTarget, ScalingPolicy with its TargetTrackingScalingPolicyConfiguration), with their
// origins; the scenario builder keeps what scales the chosen service (autoscaling_section.h).
// The provider's attribute names are its schema's (website/docs/r/appautoscaling_*.html.markdown).
#pragma once

#include <vector>

#include "harness/readers/config_sections.h"
#include "harness/readers/terraform_resource.h"

namespace harness::readers {

void read_terraform_autoscaling(const std::vector<const TfResource*>& targets,
                                const std::vector<const TfResource*>& policies, ConfigSections& sections,
                                AttributeCopier& copier);

}  // namespace harness::readers
