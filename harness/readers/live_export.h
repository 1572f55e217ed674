// Reads a bundle of live exports: a directory of JSON files as the AWS CLI writes them
// (scripts/collect-live-export writes one for a service). Each file is recognised by its
// content, not its name:
//   {"services": [...]}          aws ecs describe-services (--service picks one of several)
//   {"taskDefinition": {...}}    aws ecs describe-task-definition (one file per revision)
//   {"TargetGroups": [...]}      aws elbv2 describe-target-groups
//   {"Attributes": [...]}        aws elbv2 describe-target-group-attributes (deregistration delay)
//   {"ScalingPolicies": [...]}   aws application-autoscaling describe-scaling-policies (read, not simulated)
//   {"MetricAlarms": [...]}      aws cloudwatch describe-alarms
// What runs is the revision the service names; a newer revision of the same family in the
// bundle is what is deployed, else the run is a forced new deployment.
#pragma once

#include "harness/readers/config_sections.h"
#include "harness/readers/read_options.h"

namespace harness::readers {

ConfigSections read_live_export(const std::string& directory, const ReadOptions& options);

}  // namespace harness::readers
