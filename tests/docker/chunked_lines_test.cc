// harness/docker/chunked_lines: the lines of a chunked body, however its bytes arrive.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "harness/docker/chunked_lines.h"

using harness::docker::ChunkedLines;

namespace {

// The body as the engine frames it: each piece a chunk of its own.
std::string chunked(const std::vector<std::string>& pieces) {
  std::string body;
  for (const std::string& p : pieces) {
    char size[16];
    std::snprintf(size, sizeof size, "%zx", p.size());
    body += std::string(size) + "\r\n" + p + "\r\n";
  }
  return body + "0\r\n\r\n";
}

}  // namespace

TEST_CASE("a chunked body fed whole gives its lines, the last chunk ends it") {
  // Given two JSON lines, the second split across two chunks, when fed at once, then both lines
  // come out whole and the body has ended.
  ChunkedLines lines;
  const std::string body = chunked({"{\"a\":1}\n{\"b\"", ":2}\n"});
  CHECK(lines.feed(body.data(), body.size()) == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
  CHECK(lines.ended());
}

TEST_CASE("a chunked body fed a byte at a time gives each line once it is complete") {
  // Given a body whose chunk sizes are in hex (0x1a = 26 bytes), when fed one byte at a time,
  // then each line comes out on the byte of its '\n', and none before the body's end.
  ChunkedLines lines;
  const std::string first(25, 'x');
  const std::string body = chunked({first + "\n", "y\n"});
  REQUIRE(body.substr(0, 4) == "1a\r\n");
  std::vector<std::string> got;
  std::size_t lines_before_end = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    for (const std::string& line : lines.feed(&body[i], 1)) got.push_back(line);
    if (!lines.ended()) lines_before_end = got.size();
  }
  CHECK(got == std::vector<std::string>{first, "y"});
  CHECK(lines_before_end == 2);
  CHECK(lines.ended());
}

TEST_CASE("a line without its newline yet is held back") {
  // Given a chunk ending mid-line, then nothing comes out until the rest arrives.
  ChunkedLines lines;
  const std::string part = "5\r\n{\"a\":\r\n";
  CHECK(lines.feed(part.data(), part.size()).empty());
  const std::string rest = "3\r\n1}\n\r\n";
  CHECK(lines.feed(rest.data(), rest.size()) == std::vector<std::string>{"{\"a\":1}"});
  CHECK_FALSE(lines.ended());
}
