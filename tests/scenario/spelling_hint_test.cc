#include "harness/scenario/spelling_hint.h"

#include <catch2/catch.hpp>

namespace harness::scenario {

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[scenario]") {
  CHECK(edit_distance("phases", "phases") == 0);
  CHECK(edit_distance("phses", "phases") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "port") == 4);
}

TEST_CASE("the closest match is suggested only within two edits", "[scenario]") {
  const std::vector<std::string> keys = {"phases", "port", "bindAddress"};
  CHECK(closest_match("phses", keys) == "phases");
  CHECK(closest_match("prt", keys) == "port");
  CHECK(closest_match("memory", keys) == std::nullopt);
}

}  // namespace harness::scenario
