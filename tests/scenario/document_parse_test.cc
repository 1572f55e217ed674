// Parse-time errors of a Document (document.h) that nlohmann reports without a place, or not at
// all: a number beyond double's range, and a key repeated in one object (issue 15, rule 7).
#include <catch2/catch.hpp>
#include <string>

#include "harness/scenario/document.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

TEST_CASE("a number beyond double's range is placed at the number, not at the same text in a string") {
  // Given "1e999" first inside a key and a string, then as a value, when loaded, then the error
  // points at the value (line 3, column 10), which nlohmann names but does not place.
  const std::string text = "{\"name\": \"1e999\",\n \"x1e999\": 1,\n \"seed\": 1e999}";
  CHECK(load_error(text) == "test.json:3:10: expected a number that fits in a double, found 1e999");
}

TEST_CASE("a number beyond double's range is not confused with a longer number that contains it") {
  // Given 11e999 before 1e999, when loaded, then nlohmann stops at the first and the error names
  // and places 11e999 (column 7); 1e999 inside it is not a token of its own.
  CHECK(load_error("{\"a\": 11e999, \"b\": 1e999}") ==
        "test.json:1:7: expected a number that fits in a double, found 11e999");
}

TEST_CASE("a key repeated in one object is refused at its second occurrence (RFC 8259 section 4)") {
  // Given desiredCount twice in the service, when loaded, then the second one is the error, where
  // before the last silently won.
  const std::string text =
      "{\"service\": {\"desiredCount\": 2,\n  \"desiredCount\": 5}}";
  CHECK(load_error(text) ==
        "test.json:2:3: expected each key at most once in an object, found \"desiredCount\" a "
        "second time");
}

TEST_CASE("equal keys in different objects, and in strings, are not repeats") {
  // Given "a" in two sibling objects and in an array of objects, when parsed, then all is well.
  const Document document("d.json", R"({"x": {"a": 1}, "y": {"a": 2}, "z": [{"a": 3}, {"a": 4}],
                                       "s": "\"a\": 1, \"a\": 2"})",
                          "");
  CHECK(document.root()["z"][1]["a"] == 4);
}

TEST_CASE("a repeated key in an AWS section is refused too: which copy AWS keeps is not published") {
  // Given a container definition with "memory" twice, when loaded, then the repeat is the error.
  const std::string text = R"({"taskDefinitions": [{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "app:1", "memory": 512, "memory": 1024}]}]})";
  CHECK(load_error(text) ==
        "test.json:2:52: expected each key at most once in an object, found \"memory\" a second "
        "time");
}

}  // namespace
}  // namespace harness::scenario
