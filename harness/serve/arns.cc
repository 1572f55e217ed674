#include "harness/serve/arns.h"

#include <cstdio>

namespace harness::serve {
namespace {

// FNV-1a over the parts, then splitmix64 for the mixing: stable across runs and platforms.
std::uint64_t stable_hash(const std::string& text, std::uint64_t salt) {
  std::uint64_t h = 1469598103934665603ULL ^ salt;
  for (const unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  h += 0x9e3779b97f4a7c15ULL;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::string arn(const std::string& resource) {
  return std::string("arn:aws:ecs:") + kRegion + ":" + kAccount + ":" + resource;
}

}  // namespace

std::string cluster_arn(const std::string& cluster) { return arn("cluster/" + cluster); }

std::string service_arn(const std::string& cluster, const std::string& service) {
  return arn("service/" + cluster + "/" + service);
}

std::string task_definition_arn(const std::string& family_revision) {
  return arn("task-definition/" + family_revision);
}

std::string task_id(const std::string& cluster, const std::string& service, std::uint64_t task) {
  const std::string key = cluster + "/" + service;
  char id[33];
  std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(stable_hash(key, task)),
                static_cast<unsigned long long>(stable_hash(key, ~task)));
  return id;
}

std::string task_arn(const std::string& cluster, const std::string& id) { return arn("task/" + cluster + "/" + id); }

std::string name_from_arn(const std::string& name_or_arn, const std::string& kind) {
  if (name_or_arn.rfind("arn:", 0) != 0) return name_or_arn;
  const auto at = name_or_arn.find(":" + kind + "/");
  if (at == std::string::npos) return name_or_arn;
  const std::string path = name_or_arn.substr(at + kind.size() + 2);
  return path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
}

}  // namespace harness::serve
