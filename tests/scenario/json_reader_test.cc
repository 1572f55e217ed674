#include "harness/scenario/json_reader.h"

#include <catch2/catch.hpp>
#include <functional>

#include "harness/scenario/scenario_error.h"

namespace harness::scenario {
namespace {

// {"a": 2.5, "f": 1e300, "n": -3, "s": "two"}: "f" is at column 17, "n" at 29, "s" at 38.
constexpr const char* kText = R"({"a": 2.5, "f": 1e300, "n": -3, "s": "two"})";

std::string error_of(const std::function<void(ObjectReader&)>& read) {
  const Document document("t.json", kText, "");
  IgnoredFields ignored;
  ObjectReader reader = Node(document, document.root(), "", ignored).as_object(UnknownKeys::ignore);
  try {
    read(reader);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

sim::Millis seconds_of(const char* json) {
  const Document document("t.json", json, "");
  IgnoredFields ignored;
  return Node(document, document.root(), "", ignored).as_seconds();
}

}  // namespace

TEST_CASE("fractional seconds become whole milliseconds, rounded to the nearest", "[scenario]") {
  // Given seconds with fractions, when read, then milliseconds are exact or nearest.
  CHECK(seconds_of("2.5") == sim::Millis{2500});
  CHECK(seconds_of("0.1") == sim::Millis{100});
  CHECK(seconds_of("0.0016") == sim::Millis{2});
  CHECK(seconds_of("0.0004") == sim::Millis{0});
  CHECK(seconds_of("45") == sim::Millis{45000});
}

TEST_CASE("seconds outside their range name the range and the value", "[scenario]") {
  // Given a huge and a negative number, when read as seconds, then the range is named.
  CHECK(error_of([](ObjectReader& r) { r.required("f").as_seconds(); }) ==
        "t.json:1:17: at /f: expected a number of seconds 0-1000000000, found 1e+300");
  CHECK(error_of([](ObjectReader& r) {
          r.required("n").as_seconds({5, 300});
        }) == "t.json:1:29: at /n: expected a number of seconds 5-300, found -3");
  CHECK(error_of([](ObjectReader& r) { r.required("s").as_seconds(); }) ==
        "t.json:1:38: at /s: expected a number of seconds 0-1000000000, found \"two\"");
}

TEST_CASE("an integer field rejects fractions and says which integers it takes", "[scenario]") {
  CHECK(error_of([](ObjectReader& r) {
          r.required("a").as_int32({1, 10});
        }) == "t.json:1:7: at /a: expected an integer 1-10, found 2.5");
  CHECK(error_of([](ObjectReader& r) { r.required("n").as_int32({0}); }) ==
        "t.json:1:29: at /n: expected an integer >= 0, found -3");
}

TEST_CASE("a missing required member is placed at the object that lacks it", "[scenario]") {
  CHECK(error_of([](ObjectReader& r) { r.required("seed").as_uint64(); }) ==
        "t.json:1:1: at /seed: expected an integer 0-18446744073709551615, found nothing (it "
        "is required)");
}

TEST_CASE("ignored fields are listed once each, in pointer order with numeric indexes",
          "[scenario]") {
  IgnoredFields ignored;
  for (const char* label : {"/b/10/x", "/b/9", "/a", "/b/9", "/b/10", "/a/~1z", "/b/x"}) {
    ignored.add(label);
  }
  CHECK(ignored.list() ==
        std::vector<std::string>{"/a", "/a/~1z", "/b/9", "/b/10", "/b/10/x", "/b/x"});
}

TEST_CASE("unknown keys of an AWS-style object are listed as ignored, each once", "[scenario]") {
  // Given a lenient reader that asked for "a" only, when finished, then the rest are ignored.
  const Document document("t.json", kText, "");
  IgnoredFields ignored;
  ObjectReader reader = Node(document, document.root(), "", ignored).as_object(UnknownKeys::ignore);
  reader.get("a");
  reader.finish();
  reader.finish();
  CHECK(ignored.list() == std::vector<std::string>{"/f", "/n", "/s"});
}

TEST_CASE("negative zero (-0) in an unsigned field is 0, not an error that says it found 0", "[scenario]") {
  // Given the seed -0 (JSON's negative zero, which nlohmann reads as a signed integer), when read
  // as an unsigned 64-bit integer, then it is 0; -1 is still refused.
  const Document zero("t.json", "-0", "");
  const Document minus_one("t.json", "-1", "");
  IgnoredFields ignored;
  CHECK(Node(zero, zero.root(), "", ignored).as_uint64() == 0);
  CHECK_THROWS_WITH(Node(minus_one, minus_one.root(), "", ignored).as_uint64(),
                    "t.json:1:1: expected an integer 0-18446744073709551615, found -1");
}

}  // namespace harness::scenario
