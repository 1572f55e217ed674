// Reads a CloudFormation template, JSON or YAML (so also what `cdk synth` writes and what other
// tools package): the AWS::ECS::Service (`--service` picks one of several), the
// AWS::ECS::TaskDefinition it names, the AWS::ElasticLoadBalancingV2::TargetGroup its load
// balancer names, the AWS::CloudWatch::Alarm resources its deployment alarms name, and
// AWS::ApplicationAutoScaling::ScalingPolicy resources (read and reported, not simulated).
// Intrinsics are resolved as cloudformation_intrinsics.h says. ECS properties are the API's
// fields in PascalCase, so they become the ECS-native camelCase the loader reads; target group
// and alarm properties already carry describe-*'s names. Fields read: docs/readers.md.
#pragma once

#include "harness/readers/config_sections.h"
#include "harness/readers/read_options.h"

namespace harness::readers {

// True when `root` looks like a template: an object with a "Resources" object.
bool looks_like_cloudformation(const nlohmann::json& root);

ConfigSections read_cloudformation(const SourcePtr& source, const ReadOptions& options);

}  // namespace harness::readers
