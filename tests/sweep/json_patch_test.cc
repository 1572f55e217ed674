#include <catch2/catch.hpp>

#include "harness/sweep/json_patch.h"

using harness::sweep::set_at_pointer;

TEST_CASE("set_at_pointer replaces a value, adds a member and refuses what does not exist") {
  // Given a small document, when values are set by pointer, then existing values change, a new
  // member of an existing object appears, and a missing parent or index is named.
  nlohmann::json doc = nlohmann::json::parse(R"({"a": {"b": 1}, "list": [{"x": 1}], "k/ey": {"~": 0}})");
  CHECK_FALSE(set_at_pointer(doc, "/a/b", 2));
  CHECK(doc["a"]["b"] == 2);
  CHECK_FALSE(set_at_pointer(doc, "/a/c", true));
  CHECK(doc["a"]["c"] == true);
  CHECK_FALSE(set_at_pointer(doc, "/list/0/x", 5));
  CHECK(doc["list"][0]["x"] == 5);
  CHECK_FALSE(set_at_pointer(doc, "/k~1ey/~0", 9));
  CHECK(doc["k/ey"]["~"] == 9);
  CHECK(*set_at_pointer(doc, "/nope/b", 1) == "a pointer into the scenario, but /nope does not exist");
  CHECK(*set_at_pointer(doc, "/list/3/x", 1) == "an index below 1 of /list");
  CHECK(*set_at_pointer(doc, "/a/b/c", 1) == "a pointer into the scenario, but /a/b holds no object or array");
  CHECK(*set_at_pointer(doc, "a", 1) == "a JSON pointer starting with \"/\"");
  nlohmann::json with_file = nlohmann::json::parse(R"({"taskDefinitions": [{"$file": "td.json"}]})");
  CHECK(*set_at_pointer(with_file, "/taskDefinitions/0/cpu", 256) ==
        "a pointer into the scenario's own text, but /taskDefinitions/0 is a \"$file\" reference (inline that "
        "document to sweep its settings)");
}
