#include "sim/ecs/depends_on.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

namespace sim::ecs {
namespace {

// One vertex per container (same index); an edge u -> v means "u dependsOn v". Out-edges are
// stored in insertion order (vecS), and we insert them in definition order of v, so both depth-
// first searches below, and hence the start order and the cycle reported, are deterministic.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = Graph::vertex_descriptor;

// Records the first cycle the depth-first search meets. Boost copies visitors, so the state
// lives outside it.
struct CycleRecorder : boost::default_dfs_visitor {
  std::vector<Vertex>* parent;
  std::vector<Vertex>* cycle;

  void tree_edge(Graph::edge_descriptor e, const Graph& g) const {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  // A back edge from -> to closes a cycle: `to` is still on the search path, and the tree path
  // to -> ... -> from leads back to it.
  void back_edge(Graph::edge_descriptor e, const Graph& g) const {
    if (!cycle->empty()) return;
    const Vertex to = boost::target(e, g);
    for (Vertex v = boost::source(e, g); v != to; v = (*parent)[v]) cycle->push_back(v);
    cycle->push_back(to);
    std::reverse(cycle->begin(), cycle->end());
  }
};

// Adds an edge for every dependsOn entry, or names the first one (in definition order) that
// refers to no container of the task definition.
std::optional<DependsOnError> add_dependency_edges(const model::TaskDefinition& td, Graph& g) {
  std::map<std::string, int> index_of;
  for (int i = 0; i < static_cast<int>(td.containers.size()); ++i)
    index_of.emplace(td.containers[i].name, i);
  for (int i = 0; i < static_cast<int>(td.containers.size()); ++i) {
    std::vector<int> needs;
    for (const model::ContainerDependency& dep : td.containers[i].depends_on) {
      const auto it = index_of.find(dep.container_name);
      if (it == index_of.end())
        return DependsOnError{"container \"" + td.containers[i].name +
                              "\" dependsOn unknown container \"" + dep.container_name + "\""};
      needs.push_back(it->second);
    }
    std::sort(needs.begin(), needs.end());
    for (int need : needs) boost::add_edge(i, need, g);
  }
  return std::nullopt;
}

// The first cycle, rotated to start at its earliest-defined container; empty when there is none.
std::vector<Vertex> find_cycle(const Graph& g) {
  std::vector<Vertex> parent(boost::num_vertices(g));
  std::vector<Vertex> cycle;
  CycleRecorder recorder;
  recorder.parent = &parent;
  recorder.cycle = &cycle;
  boost::depth_first_search(g, boost::visitor(recorder));
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  return cycle;
}

DependsOnError cycle_error(const model::TaskDefinition& td, const std::vector<Vertex>& cycle) {
  std::string message = "dependsOn cycle: ";
  for (Vertex v : cycle) message += td.containers[v].name + " -> ";
  message += td.containers[cycle.front()].name;
  return DependsOnError{message};
}

}  // namespace

std::variant<std::vector<int>, DependsOnError> container_start_order(
    const model::TaskDefinition& td) {
  Graph g(td.containers.size());
  if (std::optional<DependsOnError> error = add_dependency_edges(td, g)) return *error;
  const std::vector<Vertex> cycle = find_cycle(g);
  if (!cycle.empty()) return cycle_error(td, cycle);

  // topological_sort emits vertices as the depth-first search finishes them. With edges pointing
  // at dependencies, a container finishes after all it depends on: that is a start order.
  std::vector<Vertex> finished;
  boost::topological_sort(g, std::back_inserter(finished));
  return std::vector<int>(finished.begin(), finished.end());
}

}  // namespace sim::ecs
