// url-without-scheme: a variable that holds a URL — named as one (…_URL, …_URI, …_DSN) or a
// dependency's urlVariable — whose value has no "scheme://", or a scheme the dependency's client
// refuses (its `schemes`). URL parsers refuse it or read the host as a path: redis-py's from_url
// requires redis://, rediss:// or unix://, and so do the Postgres, AMQP and HTTP clients in their
// own words. A value that merely looks like host:port is often right without a scheme (Kafka's
// KAFKA_ZOOKEEPER_CONNECT is "localhost:2181", seed 004), so the name or the dependency decides.
//
// Environment values are in the task definition; a secret's value (valueFrom, Secrets Manager or
// SSM) is checked only when the scenario's "secretValues" gives it — seed 002's own case, where
// the scheme-less REDIS_URL sat in Secrets Manager.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "harness/lint/rules.h"
#include "sim/model/configured_value.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "seed 002: REDIS_URL held the bare ElastiCache host name without rediss://, so redis-py "
    "refused it (\"Redis URL must specify one of the following schemes\") and every Redis call "
    "failed behind a 200 \"degraded\" health check";

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// URL, DATABASE_URL, SENTRY_DSN, MONGO_URI ... in any case.
bool names_a_url(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const std::string_view kind : {"URL", "URI", "DSN"})
    if (name == kind || ends_with(name, "_" + std::string(kind))) return true;
  return false;
}

// The dependency whose URL the variable holds, if the scenario says so.
const sim::model::DependencyProfile* dependency_using(const sim::model::Scenario& scenario,
                                                      const std::string& name) {
  for (const auto& dependency : scenario.dependencies)
    if (dependency.url_variable == name) return &dependency;
  return nullptr;
}

// What is wrong with `value` as a URL for `dependency` (nullptr: any scheme), or nullopt.
std::optional<std::string> url_problem(const std::string& value,
                                       const sim::model::DependencyProfile* dependency) {
  const std::string scheme = sim::model::url_scheme(value);
  if (scheme.empty())
    return std::string("a URL without its scheme (redis://, postgres://, https:// ...): clients "
                       "refuse it or read it as a path");
  if (dependency == nullptr || dependency->schemes.empty()) return std::nullopt;
  const auto& accepted = dependency->schemes;
  if (std::find(accepted.begin(), accepted.end(), scheme) != accepted.end()) return std::nullopt;
  std::string list;
  for (const std::string& s : accepted) list += (list.empty() ? "" : ", ") + s + "://";
  return "scheme " + scheme + "://, which " + dependency->name + "'s client refuses (it takes " + list + ")";
}

}  // namespace

void check_url_without_scheme(const LintContext& context, Findings& out) {
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::ContainerDefinition& container = containers[i];
    std::vector<std::string> names;
    for (const auto& [name, value] : container.environment) names.push_back(name);
    names.insert(names.end(), container.secrets.begin(), container.secrets.end());
    for (const std::string& name : names) {
      const sim::model::DependencyProfile* dependency = dependency_using(context.scenario, name);
      if (dependency == nullptr && !names_a_url(name)) continue;
      const std::optional<std::string> value = sim::model::configured_value(context.scenario, container, name);
      // An empty value is a missing setting, not a malformed one; an unknown one is unseen.
      if (!value || value->empty()) continue;
      const std::optional<std::string> problem = url_problem(*value, dependency);
      if (!problem) continue;
      const bool from_secret = container.environment.count(name) == 0;
      const Location where = from_secret ? context.source.secret_value(container.secret_sources.at(name))
                                         : context.container(i, "/environment");
      out.add(Severity::error, "url-without-scheme", where,
              name + " of container \"" + container.name + "\" is \"" + *value + "\"" +
                  (from_secret ? " (a secret)" : "") + ", " + *problem,
              kWhy);
    }
  }
}

}  // namespace harness::lint
