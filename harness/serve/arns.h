// The names ECS gives things, as the served API spells them. One region and account, since the
// server is local: clients see ARNs of the shape real ECS returns, so scripts that parse them
// (the last path segment of a task ARN, a cluster name after "cluster/") work unchanged.
#pragma once

#include <cstdint>
#include <string>

namespace harness::serve {

inline constexpr const char* kRegion = "us-east-1";
inline constexpr const char* kAccount = "123456789012";

std::string cluster_arn(const std::string& cluster);
std::string service_arn(const std::string& cluster, const std::string& service);
std::string task_definition_arn(const std::string& family_revision);
// Task ids are 32 hex digits; ours derive from the service and the simulator's task number, so a
// restarted server gives the same ids for the same calls.
std::string task_id(const std::string& cluster, const std::string& service, std::uint64_t task);
std::string task_arn(const std::string& cluster, const std::string& task_id);

// The last segment of an ARN ("arn:…:cluster/prod" -> "prod", "arn:…:task/c/abc" -> "abc"); a plain
// name comes back as it is. `kind` is the resource type before the slash ("cluster", "service").
std::string name_from_arn(const std::string& name_or_arn, const std::string& kind);

}  // namespace harness::serve
