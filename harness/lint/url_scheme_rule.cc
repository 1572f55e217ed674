// url-without-scheme: an environment variable named as a URL (…_URL, …_URI, …_DSN) whose value
// has no "scheme://". URL parsers refuse it or read the host as a path: redis-py's from_url
// requires redis://, rediss:// or unix://, and so do the Postgres, AMQP and HTTP clients in their
// own words. Only the name decides: a value that merely looks like host:port is often right
// without a scheme (Kafka's KAFKA_ZOOKEEPER_CONNECT is "localhost:2181", seed 004).
//
// Only environment values are visible: a secret's value (valueFrom, Secrets Manager or SSM) is
// not in the task definition, so a URL without its scheme that arrives as a secret — seed 002's
// own case — passes this rule (sim/model/task_definition.h keeps secrets by name only).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "harness/lint/rules.h"

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

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), here followed by "://".
bool has_scheme(const std::string& value) {
  const std::size_t colon = value.find("://");
  if (colon == std::string::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(value[0]))) return false;
  return std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](unsigned char c) { return std::isalnum(c) || c == '+' || c == '-' || c == '.'; });
}

}  // namespace

void check_url_without_scheme(const LintContext& context, Findings& out) {
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    for (const auto& [name, value] : containers[i].environment) {
      // An empty value is a missing setting, not a malformed one.
      if (value.empty() || !names_a_url(name) || has_scheme(value)) continue;
      out.add(Severity::error, "url-without-scheme", context.container(i, "/environment"),
              name + " of container \"" + containers[i].name + "\" is \"" + value +
                  "\", a URL without its scheme (redis://, postgres://, https:// ...): "
                  "clients refuse it or read it as a path",
              kWhy);
    }
  }
}

}  // namespace harness::lint
