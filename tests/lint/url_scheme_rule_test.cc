#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

nlohmann::json& environment(nlohmann::json& scenario) {
  return deployed_container(scenario)["environment"];
}

TEST_CASE("url-without-scheme flags a Redis URL that is only a host name", "[lint]") {
  // Given seed 002's REDIS_URL without rediss://, when it is in the environment, then one error
  // at the container's environment names the variable and its value.
  nlohmann::json scenario = clean_scenario();
  environment(scenario).push_back(
      {{"name", "REDIS_URL"}, {"value", "master.cache.use1.cache.amazonaws.com"}});
  const Finding found = single_finding(scenario, "url-without-scheme");
  CHECK(headline(found) ==
        "error url-without-scheme at /taskDefinitions/1/containerDefinitions/0/environment");
  CHECK(found.message ==
        "REDIS_URL of container \"app\" is \"master.cache.use1.cache.amazonaws.com\", a URL "
        "without its scheme (redis://, postgres://, https:// ...): clients refuse it or read it "
        "as a path");
  CHECK_THAT(found.why, Catch::StartsWith("seed 002:"));
}

TEST_CASE("url-without-scheme reads _URI and _DSN names and host:port values too", "[lint]") {
  // Given a MONGO_URI and a sentry_dsn (any case) as host:port, then both are reported.
  nlohmann::json scenario = clean_scenario();
  environment(scenario).push_back({{"name", "MONGO_URI"}, {"value", "mongo.internal:27017"}});
  environment(scenario).push_back({{"name", "sentry_dsn"}, {"value", "key@sentry.io/42"}});
  CHECK(lint_rule(scenario, "url-without-scheme").size() == 2);
}

TEST_CASE("url-without-scheme stays silent for URLs with a scheme and for non-URL names",
          "[lint]") {
  // Given rediss:// with TLS, unix:// and the fixture's postgres:// URL, and a host:port in a
  // variable not named as a URL (Kafka's ZooKeeper connect string has no scheme), then nothing.
  nlohmann::json scenario = clean_scenario();
  environment(scenario).push_back(
      {{"name", "REDIS_URL"}, {"value", "rediss://master.cache.use1.cache.amazonaws.com:6379"}});
  environment(scenario).push_back({{"name", "QUEUE_URL"}, {"value", "unix:///var/run/q.sock"}});
  environment(scenario).push_back({{"name", "KAFKA_ZOOKEEPER_CONNECT"}, {"value", "localhost:2181"}});
  environment(scenario).push_back({{"name", "CALLBACK_URL"}, {"value", ""}});
  CHECK(lint_rule(scenario, "url-without-scheme").empty());
  CHECK(lint_rule(clean_scenario(), "url-without-scheme").empty());
}

TEST_CASE("url-without-scheme sees a secret's URL only when secretValues gives it", "[lint]") {
  // Given REDIS_URL injected from SSM (seed 002's own case), when the file gives no value, then
  // nothing can be reported; when secretValues holds the bare host name, then one error points
  // at that value.
  nlohmann::json scenario = clean_scenario();
  const std::string source = "arn:aws:ssm:eu-west-1:1:parameter/redis/endpoint";
  deployed_container(scenario)["secrets"].push_back({{"name", "REDIS_URL"}, {"valueFrom", source}});
  CHECK(lint_rule(scenario, "url-without-scheme").empty());
  scenario["secretValues"][source] = "master.cache.use1.cache.amazonaws.com";
  const Finding found = single_finding(scenario, "url-without-scheme");
  CHECK(headline(found) ==
        "error url-without-scheme at /secretValues/arn:aws:ssm:eu-west-1:1:parameter~1redis~1endpoint");
  CHECK_THAT(found.message, Catch::StartsWith("REDIS_URL of container \"app\" is "
                                              "\"master.cache.use1.cache.amazonaws.com\" (a secret), a URL without"));
}

TEST_CASE("url-without-scheme holds a dependency's urlVariable to the schemes its client takes",
          "[lint]") {
  // Given a dependency whose client takes rediss:// only, when CACHE_ENDPOINT (not named as a
  // URL) says redis://, then the scheme is refused; rediss:// passes.
  nlohmann::json scenario = clean_scenario();
  scenario["dependencies"].push_back(
      {{"name", "cache"}, {"urlVariable", "CACHE_ENDPOINT"}, {"schemes", {"rediss"}}});
  environment(scenario).push_back({{"name", "CACHE_ENDPOINT"}, {"value", "redis://cache:6379"}});
  const Finding found = single_finding(scenario, "url-without-scheme");
  CHECK_THAT(found.message, Catch::EndsWith("scheme redis://, which cache's client refuses (it takes rediss://)"));
  environment(scenario).back()["value"] = "rediss://cache:6379";
  CHECK(lint_rule(scenario, "url-without-scheme").empty());
}

}  // namespace
}  // namespace harness::lint
