// `deploysim lint` against the incident library (issue 3: "lint on each incident's 'as it
// happened' file flags its cause, and on each fixed file flags none of the errors"). Every file
// of scenarios/incidents/ must be in the table below, so a new incident is classified when it is
// added: what it shows, and which rules lint must (or must not) raise on it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "harness/lint/lint.h"
#include "harness/scenario/document.h"
#include "tests/support/run_helpers.h"

namespace harness::lint {
namespace {

enum class Kind {
  as_it_happened,  // the incident: lint must flag every rule in `rules` (its cause)
  fixed,           // the fix: no error at all, and none of `rules` (what it fixes), not even
                   // as a warning
  comparison,      // the same broken revision under other service settings (a breaker
                   // threshold, a desiredCount, a better check): lint sees the revision, so it
                   // must flag `rules` like the incident it varies
};

struct Entry {
  Kind kind;
  std::set<std::string> rules;
  // Set when lint cannot see the cause in the file as it stands: the reason, for the scenario's
  // authors. The test then checks that the cause is still not flagged, so the entry is updated
  // (blind_spot removed) the day the file shows it.
  const char* blind_spot = nullptr;
};

// By file name in scenarios/incidents/.
const std::map<std::string, Entry>& library_table() {
  static const std::map<std::string, Entry> table = {
      // Seed 000: the 128 MB limit, the missing OPENAI_API_KEY (its file keeps the 128 MB too),
      // and the 512 MB fix (min 0 stays as a warning).
      {"000-oom-128mb.json", {Kind::as_it_happened, {"memory-below-peak"}}},
      {"000-oom-loop-exit-not-counted.json", {Kind::as_it_happened, {"memory-below-peak"}}},
      {"000-missing-openai-key.json", {Kind::as_it_happened, {"missing-env"}}},
      {"000-fixed-512mb.json", {Kind::fixed, {"memory-below-peak", "missing-env"}}},
      // Seed 001: the stale tag deploys old code without its AI_MAX_TOKENS_* variables; behind
      // /health/live nothing notices. The ready check catches it at run time and desiredCount 2
      // survives a lost task, but both still deploy the stale revision, so lint still flags it.
      {"001-stale-tag-live-check.json",
       {Kind::as_it_happened, {"missing-env", "shallow-health-path"}}},
      {"001-stale-tag-ready-check.json", {Kind::comparison, {"missing-env"}}},
      {"001-scale-1-task-lost-mid-deploy.json", {Kind::as_it_happened, {"missing-env"}}},
      {"001-scale-1-task-lost-mid-deploy-pre-2025-11.json", {Kind::as_it_happened, {"missing-env"}}},
      {"001-scale-2-task-lost-mid-deploy.json", {Kind::comparison, {"missing-env"}}},
      // Seed 002: the unreadable secret that rolled v143 back; the Redis URL without its scheme
      // behind a lenient 200 and a strict 503; the fixed URL.
      {"002-unreadable-secret.json", {Kind::as_it_happened, {"unreadable-secret"}}},
      {"002-redis-no-scheme-degraded-200.json",
       {Kind::as_it_happened, {"url-without-scheme"}}},
      {"002-redis-no-scheme-strict-503.json",
       {Kind::as_it_happened, {"url-without-scheme"}}},
      {"002-fixed-redis-url.json", {Kind::fixed, {"url-without-scheme", "unreadable-secret"}}},
      // Seed 003: three causes, three fixes.
      {"003-bound-to-localhost.json", {Kind::as_it_happened, {"bind-localhost-with-lb"}}},
      {"003-bound-to-all-interfaces.json", {Kind::fixed, {"bind-localhost-with-lb"}}},
      {"003-deps-wait-30s.json", {Kind::as_it_happened, {"dependency-wait-too-short"}}},
      {"003-deps-wait-60s.json", {Kind::fixed, {"dependency-wait-too-short"}}},
      // The plan's "exponential backoff", uncapped, wastes the 60 s wait; capped at 8 s it holds.
      {"003-deps-wait-60s-backoff-uncapped.json", {Kind::as_it_happened, {"retry-gap-before-timeout"}}},
      {"003-deps-wait-60s-backoff-capped.json", {Kind::fixed, {"retry-gap-before-timeout", "dependency-wait-too-short"}}},
      {"003-memory-2048.json", {Kind::as_it_happened, {"memory-below-peak"}}},
      {"003-memory-4096.json", {Kind::fixed, {"memory-below-peak"}}},
      // Seed 004: Kafka before ZooKeeper and its fix; the wget-less check with the breaker off
      // (the loop), on (a rollback) and with min 0 (the seed's "min 0 does not help"), and the
      // check that can run.
      {"004-kafka-before-zookeeper.json",
       {Kind::as_it_happened, {"exits-on-unavailable-dependency"}}},
      {"004-kafka-waits-for-zookeeper.json",
       {Kind::fixed, {"exits-on-unavailable-dependency", "dependency-wait-too-short"}}},
      // The seed's one-task fix without and with dependsOn HEALTHY.
      {"004-one-task-no-depends-on.json",
       {Kind::as_it_happened, {"exits-on-unavailable-dependency"}}},
      {"004-one-task-depends-on-healthy.json",
       {Kind::fixed, {"exits-on-unavailable-dependency", "dependency-wait-too-short"}}},
      {"004-wget-loop-breaker-off.json",
       {Kind::as_it_happened, {"health-check-binary-missing", "breaker-disabled"}}},
      {"004-wget-loop-breaker-on.json", {Kind::comparison, {"health-check-binary-missing"}}},
      {"004-wget-loop-min-0.json",
       {Kind::comparison,
        {"health-check-binary-missing", "breaker-disabled", "single-task-zero-min"}}},
      {"004-wget-fixed-probe-binary.json",
       {Kind::fixed, {"health-check-binary-missing", "breaker-disabled"}}},
      // Beyond the seeds: a Redis blip behind a deep check, and the shallow check that rides it
      // out (its shallow-health-path warning stays: /health/live is the trade-off it makes).
      {"101-redis-blip-deep-check.json",
       {Kind::as_it_happened, {"deep-health-check-on-shared-dependency"}}},
      {"101-redis-blip-shallow-check.json",
       {Kind::fixed, {"deep-health-check-on-shared-dependency"}}},
      // Beyond the seeds: an EC2 cluster short of memory for the deploy, and one with room.
      {"102-cluster-short-of-capacity.json", {Kind::as_it_happened, {"cluster-capacity"}}},
      {"102-cluster-with-room.json", {Kind::fixed, {"cluster-capacity"}}},
      // Beyond the seeds: the breaker's threshold compared on one bad deploy (notes-api 0.9.4
      // stalls on a FEATURE_FLAGS_URL its task definition lacks). No file is the fix: all three
      // deploy the same broken revision, which lint flags whatever the threshold.
      {"103-breaker-default-one-task.json", {Kind::comparison, {"missing-env"}}},
      {"103-breaker-count-1-one-task.json", {Kind::comparison, {"missing-env"}}},
      {"103-breaker-pre-2024-one-task.json", {Kind::comparison, {"missing-env"}}},
      // Beyond the seeds (issue 15): autoscaling feeds a failing revision during a traffic rise,
      // and the same bad deploy with scale-out suspended. Both deploy the revision whose readiness
      // check waits on an unreachable dependency, which lint flags either way.
      {"105-autoscaling-feeds-failing-revision.json",
       {Kind::as_it_happened, {"deep-health-check-on-shared-dependency"}}},
      {"105-autoscaling-scale-out-suspended-during-deploy.json",
       {Kind::comparison, {"deep-health-check-on-shared-dependency"}}},
  };
  return table;
}

const std::string kIncidents = "scenarios/incidents/";

std::vector<std::string> incident_files() {
  std::vector<std::string> names;
  for (const std::string& path : testsupport::library_files())
    if (path.rfind(kIncidents, 0) == 0 && path.find('/', kIncidents.size()) == std::string::npos)
      names.push_back(path.substr(kIncidents.size()));
  return names;
}

std::vector<Finding> lint_incident(const std::string& name) {
  const std::string path = std::string(DEPLOYSIM_SOURCE_DIR) + "/" + kIncidents + name;
  return lint(testsupport::library_scenario(kIncidents + name),
              SourceMap(harness::scenario::Document::from_file(path)));
}

std::set<std::string> rules_of(const std::vector<Finding>& findings) {
  std::set<std::string> rules;
  for (const Finding& finding : findings) rules.insert(finding.rule);
  return rules;
}

std::string listed(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& f : findings)
    text += "\n  " + std::string(to_string(f.severity)) + " " + f.rule + ": " + f.message;
  return text.empty() ? " (no findings)" : text;
}

TEST_CASE("lint's incident table classifies every file of scenarios/incidents", "[lint]") {
  // Given the library on disk, then each file has an entry and each entry a file: a new
  // incident must say what lint has to flag on it.
  const std::vector<std::string> files = incident_files();
  REQUIRE_FALSE(files.empty());
  for (const std::string& name : files) {
    INFO(kIncidents << name << " is not in library_lint_test.cc's table: classify it");
    CHECK(library_table().count(name) == 1);
  }
  for (const auto& [name, entry] : library_table()) {
    INFO("the table names " << kIncidents << name << ", which does not exist");
    CHECK(std::find(files.begin(), files.end(), name) != files.end());
  }
}

TEST_CASE("lint flags the cause of every incident as it happened, and of its comparisons",
          "[lint]") {
  for (const auto& [name, entry] : library_table()) {
    if (entry.kind == Kind::fixed || entry.blind_spot != nullptr) continue;
    const std::vector<Finding> found = lint_incident(name);
    const std::set<std::string> flagged = rules_of(found);
    for (const std::string& rule : entry.rules) {
      INFO(kIncidents << name << " must be flagged " << rule << "; lint found:" << listed(found));
      CHECK(flagged.count(rule) == 1);
    }
  }
}

TEST_CASE("lint finds no error in any fixed incident, nor the rule of what it fixes", "[lint]") {
  for (const auto& [name, entry] : library_table()) {
    if (entry.kind != Kind::fixed) continue;
    const std::vector<Finding> found = lint_incident(name);
    INFO(kIncidents << name << " is a fix; lint found:" << listed(found));
    CHECK_FALSE(has_errors(found));
    for (const std::string& rule : entry.rules) CHECK(rules_of(found).count(rule) == 0);
  }
}

TEST_CASE("lint's blind spots in the incident library are still blind", "[lint]") {
  // Given a cause lint cannot see in the file as it stands, then it is indeed not flagged; once
  // the file shows it, this fails so the table entry loses its blind_spot and is checked above.
  for (const auto& [name, entry] : library_table()) {
    if (entry.blind_spot == nullptr) continue;
    const std::set<std::string> flagged = rules_of(lint_incident(name));
    for (const std::string& rule : entry.rules) {
      INFO(kIncidents << name << ": " << rule << " is now flagged; remove the entry's blind spot ("
                      << entry.blind_spot << ")");
      CHECK(flagged.count(rule) == 0);
    }
    WARN(kIncidents << name << ": lint cannot see its cause (" << *entry.rules.begin()
                    << "): " << entry.blind_spot);
  }
}

}  // namespace
}  // namespace harness::lint
