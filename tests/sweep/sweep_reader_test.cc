// Sweep files: what is read, and the precise errors for what is wrong (sweep issue: "the same
// precise errors as harness/scenario").
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_error.h"
#include "harness/sweep/scenario_variant.h"
#include "tests/sweep/sweep_fixture.h"

using harness::scenario::ScenarioError;
using harness::sweep::read_sweep_file;

namespace {

std::string error_of(const std::string& name, const std::string& text) {
  try {
    read_sweep_file(sweeptest::write_sweep(name, text));
  } catch (const ScenarioError& e) {
    // Messages name the file as given; leave out the fixture directory.
    const std::string what = e.what();
    const std::string dir = sweeptest::fixture_dir().string() + "/";
    return what.rfind(dir, 0) == 0 ? what.substr(dir.size()) : what;
  }
  return "no error";
}

std::string with_axes(const std::string& axes) {
  return R"({"scenario": "base.json", "runsPerCell": 5, "axes": [)" + axes + "]}";
}

}  // namespace

TEST_CASE("a sweep file gives its axes, values, ranges and population") {
  // Given the small fixture sweep, when read, then every field lands in the spec.
  const harness::sweep::SweepSpec spec = sweeptest::small_sweep();
  CHECK(spec.name == "small");
  CHECK(spec.seed == 7);
  CHECK(spec.runs_per_cell == 40);
  REQUIRE(spec.axes.size() == 2);
  CHECK(spec.axes[1].name == "retries");
  CHECK(spec.axes[1].values == std::vector<nlohmann::json>{1, 4});
  CHECK(spec.cell_count() == 4);
  CHECK(spec.population.bad_ppm == 350'000);
  REQUIRE(spec.population.faults.size() == 2);
  CHECK(spec.population.faults[1].weight == 2);
  CHECK(spec.population.startup.p95_permille == 2500);
  REQUIRE(spec.population.blips.size() == 1);
  CHECK(spec.population.blips[0].duration_max == sim::seconds(60));
}

TEST_CASE("a range axis expands from, to and step into integer values") {
  // Given {"from": 1, "to": 5, "step": 2}, then the values are 1, 3, 5.
  const auto spec = read_sweep_file(sweeptest::write_sweep(
      "range.sweep.json",
      with_axes(R"({"pointer": "/taskDefinitions/1/containerDefinitions/0/healthCheck/retries", "range": {"from": 1, "to": 5, "step": 2}})")));
  CHECK(spec.axes[0].values == std::vector<nlohmann::json>{1, 3, 5});
  CHECK(spec.axes[0].name == "retries");
  // A fractional step keeps the values as written: 0.1, 0.2, 0.3 (not 0.30000000000000004).
  const auto fractional = read_sweep_file(sweeptest::write_sweep(
      "fraction.sweep.json",
      with_axes(R"({"pointer": "/service/healthCheckGracePeriodSeconds", "range": {"from": 0.1, "to": 0.3, "step": 0.1}})")));
  CHECK(fractional.axes[0].values == std::vector<nlohmann::json>{0.1, 0.2, 0.3});
}

TEST_CASE("an axis value outside ECS's range is reported at its place with the loader's words") {
  // Given a grace period of -5, then the error points at the value in the sweep file and quotes
  // what the scenario loader expects of that field.
  CHECK(error_of("negative.sweep.json", with_axes(R"({"pointer": "/service/healthCheckGracePeriodSeconds", "values": [0, -5]})")) ==
        "negative.sweep.json:1:122: at /axes/0/values/1: expected a number of seconds 0-2147483647 (for "
        "/service/healthCheckGracePeriodSeconds of base.json), found -5");
}

TEST_CASE("a misspelt key in a sweep file gets a did-you-mean hint") {
  CHECK(error_of("typo.sweep.json", R"({"scenario": "base.json", "runsPerCel": 5, "axes": []})") ==
        "typo.sweep.json:1:27: at /runsPerCel: expected a known key (did you mean \"runsPerCell\"?), found unknown key "
        "\"runsPerCel\"");
}

TEST_CASE("a pointer that leads nowhere in the base scenario is an error at the pointer") {
  CHECK(error_of("nowhere.sweep.json", with_axes(R"({"pointer": "/service/nosuch/thing", "values": [1]})")) ==
        "nowhere.sweep.json:1:66: at /axes/0/pointer: expected a pointer into the scenario, but /service/nosuch does "
        "not exist, found \"/service/nosuch/thing\"");
}

TEST_CASE("an axis over a field that holds no number or boolean is an error at the pointer") {
  // Given /service/serviceName (a string) and /service (an object), then each is refused at its
  // pointer; a string of digits ("cpu": "256") is a numeric field and may be swept.
  CHECK(error_of("name.sweep.json", with_axes(R"({"pointer": "/service/serviceName", "values": [1]})")) ==
        "name.sweep.json:1:66: at /axes/0/pointer: expected a pointer to a numeric or boolean field of base.json, found "
        "\"/service/serviceName\", which holds a string");
  CHECK(error_of("object.sweep.json", with_axes(R"({"pointer": "/service", "values": [1]})")).find("which holds an object") !=
        std::string::npos);
  CHECK(read_sweep_file(sweeptest::write_sweep("cpu.sweep.json", with_axes(R"({"pointer": "/taskDefinitions/1/cpu", "values": [256, 512]})")))
            .axes[0].values.size() == 2);
}

TEST_CASE("axis and fault names head CSV columns, so a comma in one is refused") {
  CHECK(error_of("comma.sweep.json", with_axes(R"({"name": "a,b", "pointer": "/service/desiredCount", "values": [1]})")) ==
        "comma.sweep.json:1:63: at /axes/0/name: expected a name without commas, quotes or control characters (it heads "
        "a CSV column), found \"a,b\"");
  CHECK(error_of("fault-comma.sweep.json", R"({"scenario": "base.json", "axes": [{"pointer": "/service/desiredCount", "values": [1]}],
  "population": {"badPercent": 10, "faults": [{"name": "x,y", "set": {"/service/desiredCount": 2}}]}})")
            .find("at /population/faults/0/name: expected a name without commas") != std::string::npos);
}

TEST_CASE("an axis over a field the loader ignores is refused, or skipped and named when asked") {
  // Given /service/runningCount (describe-services prints it; the simulation does not model it),
  // then sweeping it is an error, and with "ifNotModelled": "skip" the axis is left out and kept
  // as a skipped axis for the reports.
  const std::string axis = R"({"pointer": "/service/runningCount", "values": [1, 2])";
  CHECK(error_of("ignored.sweep.json", with_axes(axis + "}") + "") ==
        "ignored.sweep.json:1:66: at /axes/0/pointer: expected a setting deploysim models (this one the loader lists "
        "as ignored; \"ifNotModelled\": \"skip\" leaves the axis out and says so), found \"/service/runningCount\"");
  const auto spec = read_sweep_file(sweeptest::write_sweep(
      "skipped.sweep.json",
      with_axes(axis + R"(, "ifNotModelled": "skip"}, {"pointer": "/service/desiredCount", "values": [1, 2]})")));
  REQUIRE(spec.skipped_axes.size() == 1);
  CHECK(spec.skipped_axes[0].pointer == "/service/runningCount");
  REQUIRE(spec.axes.size() == 1);
  CHECK(spec.axes[0].name == "desiredCount");
}

TEST_CASE("a fault's setting is checked by the loader and reported at its value") {
  CHECK(error_of("fault.sweep.json", R"({"scenario": "base.json", "axes": [{"pointer": "/service/desiredCount", "values": [1]}],
  "population": {"badPercent": 10, "faults": [{"name": "tiny", "set": {"/taskDefinitions/1/containerDefinitions/0/memory": 2}}]}})") ==
        "fault.sweep.json:2:124: at /population/faults/0/set/~1taskDefinitions~11~1containerDefinitions~10~1memory: "
        "expected an integer >= 6 (for /taskDefinitions/1/containerDefinitions/0/memory of base.json), found 2");
}

TEST_CASE("a blip on a dependency the base does not have names the ones it has") {
  CHECK(error_of("blip.sweep.json", R"({"scenario": "base.json", "axes": [{"pointer": "/service/desiredCount", "values": [1]}],
  "population": {"dependencyBlips": [{"dependency": "discrod", "percent": 5, "atSeconds": [0, 1], "durationSeconds": [1, 2]}]}})") ==
        "blip.sweep.json:2:53: at /population/dependencyBlips/0/dependency: expected one of the dependencies of the "
        "scenario \"discord\" (did you mean \"discord\"?), found \"discrod\"");
}

TEST_CASE("a missing base scenario file is reported at the scenario key") {
  CHECK(error_of("nobase.sweep.json", R"({"scenario": "no-such.json", "axes": []})") ==
        "nobase.sweep.json:1:14: at /scenario: expected a readable file (the base scenario, relative to the sweep file), found "
        "\"no-such.json\": No such file or directory");
}

namespace {

// Copies a library scenario next to the fixture's sweep files.
void copy_library_scenario(const std::string& relative, const std::string& as) {
  std::filesystem::copy_file(std::filesystem::path(DEPLOYSIM_SOURCE_DIR) / relative, sweeptest::fixture_dir() / as,
                             std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("a sweep over a timeline scenario reaches the timeline's calls by pointer") {
  // Given the fix-during-rollback timeline, when an axis moves the fix (/timeline/1/atSeconds),
  // then each cell's deploy under test (the timeline's last deploying call) starts at that time.
  copy_library_scenario("scenarios/examples/timeline-fix-during-rollback.json", "timeline.json");
  const auto spec = read_sweep_file(sweeptest::write_sweep(
      "timeline.sweep.json",
      R"({"scenario": "timeline.json", "runsPerCell": 2,
          "axes": [{"name": "fixAt", "pointer": "/timeline/1/atSeconds", "values": [150, 300]}]})"));
  REQUIRE(spec.cell_count() == 2);
  CHECK(harness::sweep::cell_scenarios(spec, 0).at(0).deploy.at == sim::seconds(150));
  CHECK(harness::sweep::cell_scenarios(spec, 1).at(0).deploy.at == sim::seconds(300));
}

TEST_CASE("a steady-state base scenario is refused: a sweep judges deploys") {
  // Given a base with "deploy": "none", when the sweep file is read, then the error names the
  // "scenario" member and says why.
  copy_library_scenario("scenarios/examples/steady-state-tasks-crash.json", "steady.json");
  const std::string error =
      error_of("steady.sweep.json", R"({"scenario": "steady.json", "runsPerCell": 2,
  "axes": [{"name": "grace", "pointer": "/service/healthCheckGracePeriodSeconds", "values": [0, 60]}]})");
  CHECK(error.rfind("steady.sweep.json:1:14: at /scenario: expected a base scenario with a deploy to judge "
                    "(steady.json is a steady-state run, \"deploy\": \"none\";", 0) == 0);
}
