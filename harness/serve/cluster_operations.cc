// CreateCluster, DescribeClusters, ListClusters: enough for a pipeline to name its cluster. A
// cluster here is only a name; capacity is the scenario's (platform.clusterMemoryMiB).
#include "harness/serve/arns.h"
#include "harness/serve/ecs_operations.h"

namespace harness::serve {
namespace {

nlohmann::json cluster_json(const EcsState& state, const std::string& name) {
  int active = 0;
  for (const ServedService* service : state.services(name))
    if (service->status() == ServiceStatus::active) ++active;
  return {{"clusterArn", cluster_arn(name)}, {"clusterName", name}, {"status", "ACTIVE"},
          {"activeServicesCount", active}};
}

}  // namespace

nlohmann::json create_cluster(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string name = reader.string_or("clusterName", "default");
  if (name.empty()) reader.required("clusterName").fail("a non-empty cluster name");
  state.add_cluster(name);
  return {{"cluster", cluster_json(state, name)}};
}

nlohmann::json describe_clusters(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  std::vector<std::string> wanted = reader.names_or_empty("clusters");
  if (wanted.empty()) wanted = {"default"};
  nlohmann::json clusters = nlohmann::json::array();
  nlohmann::json failures = nlohmann::json::array();
  for (const std::string& name_or_arn : wanted) {
    const std::string name = name_from_arn(name_or_arn, "cluster");
    if (state.has_cluster(name)) clusters.push_back(cluster_json(state, name));
    else failures.push_back({{"arn", cluster_arn(name)}, {"reason", "MISSING"}});
  }
  return {{"clusters", clusters}, {"failures", failures}};
}

nlohmann::json list_clusters(EcsState& state, RequestBody&) {
  nlohmann::json arns = nlohmann::json::array();
  for (const std::string& name : state.clusters()) arns.push_back(cluster_arn(name));
  return {{"clusterArns", arns}};
}

}  // namespace harness::serve
