// Malformed and hostile scenarios, table by table: each must end in a clear error — the file, the
// JSON pointer (when a value is at fault), what was expected and what was found — and never in a
// crash, a hang or an unbounded allocation. They go through the whole pipeline a user's run takes
// (tests/fuzz/pipeline.h): load, lint, simulate, every report. Run under ASan + UBSan by
// scripts/test too.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "harness/scenario/scenario_error.h"
#include "sim/simulation.h"
#include "tests/fuzz/pipeline.h"
#include "tests/reliability/bad_input_cases.h"
#include "tests/support/temp_dir.h"

using reliability::nested_arrays;
using reliability::with;
using reliability::with_raw;
using reliability::without;

namespace {

struct BadInput {
  std::string what;
  std::string text;
  std::string error;  // the whole message after "bad.json"
};

// The message of the ScenarioError the text ends in, after the file name; "no error" when it
// loads and runs.
std::string error_of(const std::string& text) {
  try {
    fuzzing::run_pipeline_text(text, "bad.json");
  } catch (const harness::scenario::ScenarioError& e) {
    const std::string message = e.what();
    return message.substr(std::string("bad.json").size());
  }
  return "no error";
}

void check_table(const std::vector<BadInput>& table) {
  for (const BadInput& input : table) {
    INFO(input.what);
    CHECK(error_of(input.text) == input.error);
  }
}

const std::string kTd1 = "/taskDefinitions/1";
const std::string kContainer = kTd1 + "/containerDefinitions/0";

}  // namespace

TEST_CASE("broken JSON is an error at its line and column") {
  // Given text that is not one JSON document, when loaded, then the error places the break.
  const std::string whole = with("/name", "x");
  check_table({
      {"an empty file", "", ":1:1: expected '[', '{', or a literal, found end of input"},
      {"a file cut in half", whole.substr(0, whole.size() / 2), ":149:30: expected '}', found end of input"},
      {"a document followed by more text", whole + " {}", ":231:3: expected end of input, found '{'"},
      {"a comment", "// hello\n" + whole, ":1:1: expected valid JSON, found invalid literal"},
      {"a NUL byte inside the document", whole.substr(0, 10) + std::string(1, '\0') + whole.substr(10), ":2:9: expected '[', '{', or a literal, found a NUL byte"},
      {"invalid UTF-8 in a string", with("/name", "x").replace(10, 1, "\xff"), ":2:9: expected valid JSON, found invalid literal"},
      {"NaN as a value", with_raw("/seed", "NaN"), ":140:10: expected valid JSON, found invalid literal"},
      {"Infinity as a value", with_raw("/horizonSeconds", "Infinity"), ":125:20: expected valid JSON, found invalid literal"},
      {"a number beyond double's range", with_raw("/horizonSeconds", "1e999"), ":125:20: expected a number that fits in a double, found 1e999"},
  });
}

TEST_CASE("a value of the wrong type is an error at its pointer") {
  // Given one value of the wrong JSON type, when loaded, then the error names its pointer.
  check_table({
      {"an array as the whole document", "[]", ":1:1: expected an object, found []"},
      {"a string as the whole document", "\"scenario\"", ":1:1: expected an object, found \"scenario\""},
      {"desiredCount as words", with("/service/desiredCount", "two"), ":151:19: at /service/desiredCount: expected an integer 0-5000, found \"two\""},
      {"desiredCount as a fraction", with("/service/desiredCount", 2.5), ":151:19: at /service/desiredCount: expected an integer 0-5000, found 2.5"},
      {"taskDefinitions as an object", with("/taskDefinitions", nlohmann::json::object()), ":179:21: at /taskDefinitions: expected an array, found {}"},
      {"containerDefinitions as a string", with(kTd1 + "/containerDefinitions", "web"), ":206:28: at /taskDefinitions/1/containerDefinitions: expected an array, found \"web\""},
      {"horizonSeconds as a string", with("/horizonSeconds", "3600"), ":125:20: at /horizonSeconds: expected a number of seconds 0.001-1000000000, found \"3600\""},
      {"stopAtOutcome as a string", with("/stopAtOutcome", "yes"), ":164:19: at /stopAtOutcome: expected true or false, found \"yes\""},
      {"apps as an array", with("/apps", nlohmann::json::array()), ":2:10: at /apps: expected an object, found []"},
      {"an environment entry as a number", with(kContainer + "/environment/0", 7), ":209:7: at /taskDefinitions/1/containerDefinitions/0/environment/0: expected an object, found 7"},
      {"a missing service", without("/service"), ":1:1: at /service: expected an object, found nothing (it is required)"},
      {"a health check without its command", with(kContainer + "/healthCheck", nlohmann::json::object()), ":215:21: at /taskDefinitions/1/containerDefinitions/0/healthCheck/command: expected an array, found nothing (it is required)"},
  });
}

TEST_CASE("a value outside its range is an error naming the range") {
  // Given one number out of its ECS (or our) range, when loaded, then the error gives the range.
  check_table({
      {"10^6 tasks", with("/service/desiredCount", 1'000'000), ":151:19: at /service/desiredCount: expected an integer 0-5000, found 1000000"},
      {"a negative desiredCount", with("/service/desiredCount", -1), ":151:19: at /service/desiredCount: expected an integer 0-5000, found -1"},
      {"minimumHealthyPercent 101", with("/service/deploymentConfiguration/minimumHealthyPercent", 101), ":149:29: at /service/deploymentConfiguration/minimumHealthyPercent: expected an integer 0-100, found 101"},
      {"maximumPercent 1000", with("/service/deploymentConfiguration/maximumPercent", 1000), ":148:22: at /service/deploymentConfiguration/maximumPercent: expected an integer 100-200, found 1000"},
      {"a health check interval of 0", with(kContainer + "/healthCheck", {{"command", {"CMD", "true"}}, {"interval", 0}}), ":220:19: at /taskDefinitions/1/containerDefinitions/0/healthCheck/interval: expected a number of seconds 5-300, found 0"},
      {"a port past 65535", with("/apps/checkout:1.8/port", 70000), ":97:12: at /apps/checkout:1.8/port: expected an integer 1-65535, found 70000"},
      {"a negative seed", with("/seed", -1), ":140:10: at /seed: expected an integer 0-18446744073709551615, found -1"},
      {"a seed of 2^64", with_raw("/seed", "18446744073709551616"), ":140:10: at /seed: expected an integer 0-18446744073709551615, found 1.8446744073709552e+19"},
      {"a fractional seed", with("/seed", 1.5), ":140:10: at /seed: expected an integer 0-18446744073709551615, found 1.5"},
      {"a horizon of 0", with("/horizonSeconds", 0), ":125:20: at /horizonSeconds: expected a number of seconds 0.001-1000000000, found 0"},
      {"a horizon past 10^9 s", with("/horizonSeconds", 1e12), ":125:20: at /horizonSeconds: expected a number of seconds 0.001-1000000000, found 1000000000000.0"},
      {"an event cap of 0", with("/eventCap", 0), ":115:14: at /eventCap: expected an integer >= 1, found 0"},
      {"a negative duration", with("/platform/pullSeconds", -1e308), ":136:18: at /platform/pullSeconds: expected a number of seconds 0-1000000000, found -1e+308"},
      {"a huge desiredCount", with("/service/desiredCount", 1e308), ":151:19: at /service/desiredCount: expected an integer 0-5000, found 1e+308"},
      {"an integer past 2^64", with_raw("/service/desiredCount", "123456789012345678901234567890"), ":151:19: at /service/desiredCount: expected an integer 0-5000, found 1.2345678901234568e+29"},
      {"container memory of 2^40 MiB", with(kContainer + "/memory", 1099511627776LL), ":216:16: at /taskDefinitions/1/containerDefinitions/0/memory: expected an integer >= 6, found 1099511627776"},
      {"jitter low above high", with("/platform/jitter", {1200, 800}), ":131:13: at /platform/jitter: expected [low, high] with low <= high, each an integer 0-10000, found [1200,800]"},
      {"a deploy after the horizon", with("/deploy/atSeconds", 7200), ":111:16: at /deploy/atSeconds: expected a number of seconds 0-3600, found 7200"},
  });
}

TEST_CASE("deep nesting is an error before anything recurses") {
  // Given arrays nested far deeper than any scenario, when loaded, then the nesting is refused at
  // the first bracket too deep (destroying, dumping or indexing it would recurse that deep).
  check_table({
      {"100,000 nested arrays as the document", nested_arrays(100'000), ":1:65: expected arrays and objects nested at most 64 deep, found deeper nesting"},
      {"1,000 nested arrays in an ignored AWS field", with_raw("/service/tags", nested_arrays(1000)), ":162:73: expected arrays and objects nested at most 64 deep, found deeper nesting"},
      {"1,000 nested arrays where a string belongs", with_raw("/description", nested_arrays(1000)), ":114:80: expected arrays and objects nested at most 64 deep, found deeper nesting"},
  });
}

TEST_CASE("references to nothing, dependsOn cycles and escaping $file are errors") {
  // Given a name that refers to nothing or a file outside the scenario's directory, when loaded,
  // then the error names the reference and what exists.
  nlohmann::json sidecar = {{"name", "envoy"}, {"image", "checkout:1.8"},
                            {"dependsOn", {{{"containerName", "checkout"}, {"condition", "START"}}}}};
  nlohmann::json cycle = reliability::default_scenario();
  cycle[nlohmann::json::json_pointer(kTd1 + "/containerDefinitions/1")] = sidecar;
  cycle[nlohmann::json::json_pointer(kContainer + "/dependsOn")] = {{{"containerName", "envoy"}, {"condition", "START"}}};
  check_table({
      {"a dependsOn cycle", cycle.dump(), ":1:3424: at /taskDefinitions/1/containerDefinitions: expected a dependsOn without cycles, found dependsOn cycle: checkout -> envoy -> checkout"},
      {"a container depending on itself", with(kContainer + "/dependsOn", {{{"containerName", "checkout"}, {"condition", "START"}}}), ":206:28: at /taskDefinitions/1/containerDefinitions: expected a dependsOn without cycles, found dependsOn cycle: checkout -> checkout"},
      {"a deploy of an unknown revision", with("/deploy/taskDefinition", "checkout:9"), ":112:21: at /deploy/taskDefinition: expected one of the task definitions \"checkout:7\", \"checkout:8\" (did you mean \"checkout:7\"?), found \"checkout:9\""},
      {"an image without an app profile", with(kContainer + "/image", "nginx:latest"), ":215:15: at /taskDefinitions/1/containerDefinitions/0/image: expected one of the images with an app profile \"checkout:1.7\", \"checkout:1.8\", found \"nginx:latest\""},
      {"a missing $file", with(kTd1, {{"$file", "no-such-td.json"}}), ":206:13: at /taskDefinitions/1/$file: expected a readable file, found \"no-such-td.json\" (No such file or directory)"},
      {"a $file leaving the directory", with(kTd1, {{"$file", "../../etc/passwd"}}), ":206:13: at /taskDefinitions/1/$file: expected a relative path inside the current directory, found \"../../etc/passwd\""},
      {"an absolute $file", with(kTd1, {{"$file", "/etc/passwd"}}), ":206:13: at /taskDefinitions/1/$file: expected a relative path inside the current directory, found \"/etc/passwd\""},
      {"a $file naming a directory", with(kTd1, {{"$file", "."}}), ":206:13: at /taskDefinitions/1/$file: expected a readable file, found \".\" (a directory)"},
      {"a $file that is not a string", with(kTd1, {{"$file", 7}}), ":206:13: at /taskDefinitions/1/$file: expected a non-empty string, found 7"},
  });
}

TEST_CASE("a 100 MB file, a device and a symbolic link out are errors, read no further than 8 MiB") {
  // Given files written now (never committed): a 100 MB scenario, a 100 MB "$file", and a link
  // leaving the directory; when loaded, then each is refused with the file and the reason.
  const testsupport::TempDir dir;
  std::string huge(100'000'000, ' ');
  huge.front() = '{';
  huge.back() = '}';
  const std::string big = dir.write("big.json", huge);
  dir.write("td/big.json", huge);
  std::filesystem::create_symlink("/etc/hostname", dir.path() / "td" / "outside.json");
  const auto load_file_error = [](const std::string& path) -> std::string {
    try {
      fuzzing::run_pipeline_file(path);
    } catch (const harness::scenario::ScenarioError& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK(load_file_error(big) == big + ": expected a file of at most 8 MiB, found more than that");
  CHECK(load_file_error("/dev/zero") == "/dev/zero: expected a file of at most 8 MiB, found more than that");
  const std::string via_file = dir.write("via-file.json", with(kTd1, {{"$file", "td/big.json"}}));
  CHECK(load_file_error(via_file) ==
        via_file + ":206:13: at /taskDefinitions/1/$file: expected a file of at most 8 MiB, found \"td/big.json\" (more than that)");
  const std::string via_link = dir.write("via-link.json", with(kTd1, {{"$file", "td/outside.json"}}));
  CHECK(load_file_error(via_link) ==
        via_link + ":206:13: at /taskDefinitions/1/$file: expected a relative path inside " +
            dir.path().string() + ", found \"td/outside.json\"");
  CHECK(error_of(huge) == ": expected a document of at most 8 MiB, found 100000000 bytes");
}

namespace {

// Runs `text` as deploysim run would (its horizon, event cap and trace cap) and checks the reason
// it ended and that its trace stayed within the cap.
void check_bounded(const std::string& text, sim::observe::RunEnd end) {
  const fuzzing::PipelineRun run = fuzzing::run_pipeline_text(text, "bounded.json");
  CHECK(run.result.end == end);
  CHECK(run.trace_events <= sim::RunOptions{}.trace_cap + 10'000);
}

}  // namespace

TEST_CASE("a horizon of 10^12 ms on a deployment that loops ends at the trace cap") {
  // Given seed 004's endless loop with a 10^9 s horizon, when run, then it stops at the trace cap
  // (it grew past 6 GB before the cap).
  std::ifstream in(std::string(DEPLOYSIM_SOURCE_DIR) +
                   "/scenarios/incidents/004-wget-loop-breaker-off.json");
  nlohmann::json seed_004 = nlohmann::json::parse(in);
  seed_004["horizonSeconds"] = 1e9;
  check_bounded(seed_004.dump(), sim::observe::RunEnd::trace_cap);
}

TEST_CASE("hostile settings that are valid end in a bounded run") {
  // Given settings at the edge of their ranges, when run, then each ends for the expected reason.
  // The long runs carry a lower eventCap, which shows it is the cap that stops them (a run to
  // 10^8 events takes half a minute, several under the sanitizers).
  nlohmann::json crash_loop = reliability::default_scenario();
  crash_loop["horizonSeconds"] = 1e9;
  crash_loop["eventCap"] = 200'000;
  crash_loop["service"]["desiredCount"] = 5000;
  crash_loop["service"]["deploymentConfiguration"]["deploymentCircuitBreaker"]["enable"] = false;
  crash_loop["apps"]["checkout:1.8"]["crashAfterListeningSeconds"] = 1;
  nlohmann::json per_probe = reliability::default_scenario();
  per_probe["probeMode"] = "per_probe";
  per_probe["horizonSeconds"] = 1e9;
  per_probe["stopAtOutcome"] = false;
  per_probe["eventCap"] = 200'000;
  using sim::observe::RunEnd;
  SECTION("5000 tasks crash-looping to a 10^9 s horizon") {
    check_bounded(crash_loop.dump(), RunEnd::event_cap);
  }
  SECTION("per-probe checks past the outcome to a 10^9 s horizon") {
    check_bounded(per_probe.dump(), RunEnd::event_cap);
  }
  SECTION("an event cap of 1") { check_bounded(with("/eventCap", 1), RunEnd::event_cap); }
  SECTION("a horizon of 1 ms") { check_bounded(with("/horizonSeconds", 0.001), RunEnd::horizon); }
  SECTION("1 ms retries in a 10^9 s wait for a dependency up after 900,000 s") {
    // Lint lists the attempts and the world finds the connection by jumping between up-windows:
    // neither may walk 10^12 attempts.
    nlohmann::json retries = reliability::default_scenario();
    retries["horizonSeconds"] = 1e9;
    retries["eventCap"] = 200'000;
    for (auto& [image, app] : retries["apps"].items()) {
      app["phases"][1]["waitTimeoutSeconds"] = 1e9;
      app["phases"][1]["retry"] = {{"intervalSeconds", 0.001}, {"backoff", 1.5}};
    }
    retries["dependencies"] = {{{"name", "redis"}, {"readyAfterSeconds", 900000}}};
    check_bounded(retries.dump(), RunEnd::outcome_reached);
  }
}
