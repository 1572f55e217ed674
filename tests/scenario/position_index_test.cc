#include "harness/scenario/position_index.h"

#include <catch2/catch.hpp>

namespace harness::scenario {

TEST_CASE("positions count lines from 1 and columns in characters, not bytes", "[scenario]") {
  // Given a line with a two-byte character, the column after it counts it once.
  const std::string text = "{\n  \"caf\xC3\xA9\": 1\n}";
  CHECK(text_position(text, 0).line == 1);
  CHECK(text_position(text, 0).column == 1);
  const std::size_t one = text.find('1');
  CHECK(text_position(text, one).line == 2);
  CHECK(text_position(text, one).column == 11);
  CHECK(text_position(text, text.size()).line == 3);
}

TEST_CASE("the position index finds values and keys by JSON pointer", "[scenario]") {
  // Given nested objects and arrays, every value and member key is indexed.
  const std::string text = R"({"a": [10, {"b": true}], "x/y": "z", "t~": null})";
  const PositionIndex index(text);
  CHECK(index.value_offset("") == 0u);
  CHECK(index.value_offset("/a") == text.find('['));
  CHECK(index.value_offset("/a/0") == text.find("10"));
  CHECK(index.value_offset("/a/1/b") == text.find("true"));
  CHECK(index.key_offset("/a/1/b") == text.find("\"b\""));
  CHECK(index.key_offset("/a/0") == std::nullopt);
  CHECK(index.value_offset("/x~1y") == text.find("\"z\""));
  CHECK(index.value_offset("/t~0") == text.find("null"));
  CHECK(index.value_offset("/nope") == std::nullopt);
}

TEST_CASE("pointer tokens escape tilde and slash as RFC 6901 says", "[scenario]") {
  CHECK(pointer_token("repo/app:1.2") == "repo~1app:1.2");
  CHECK(pointer_token("a~b") == "a~0b");
}

}  // namespace harness::scenario
