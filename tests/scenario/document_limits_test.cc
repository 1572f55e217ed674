// A document's bounds (document.h): at most 8 MiB, arrays and objects nested at most 64 deep.
// Before them, 100,000 nested arrays crashed the loader (the error path dumps and indexes the value
// recursively: a stack overflow) and `deploysim run /dev/zero` read until memory ran out.
#include <catch2/catch.hpp>
#include <string>

#include "harness/scenario/document.h"
#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"
#include "tests/support/temp_dir.h"

namespace harness::scenario {
namespace {

using testing::load_error;

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

TEST_CASE("arrays nested deeper than 64 are refused at the first bracket too deep") {
  // Given 100,000 nested arrays, when loaded, then the error points at bracket 65 (column 65).
  CHECK(load_error(nested_arrays(100'000)) ==
        "test.json:1:65: expected arrays and objects nested at most 64 deep, found deeper nesting");
}

TEST_CASE("64 levels of nesting parse, and brackets inside strings do not count") {
  // Given 64 nested arrays, and a string of 100 brackets, when parsed, then both are JSON values.
  CHECK(Document("a.json", nested_arrays(64), "").root().is_array());
  CHECK(Document("b.json", "\"" + std::string(100, '[') + "\\\"\"", "").root().is_string());
}

TEST_CASE("text over 8 MiB is refused before it is parsed") {
  // Given 8 MiB and one byte of spaces, when loaded from memory, then the size is the error.
  CHECK(load_error(std::string(kMaxDocumentBytes + 1, ' ')) ==
        "test.json: expected a document of at most 8 MiB, found 8388609 bytes");
}

TEST_CASE("a file over 8 MiB, or a device without end, is refused after reading 8 MiB") {
  // Given a 9 MiB file and /dev/zero, when loaded, then each is too large (and the read stops).
  const testsupport::TempDir dir;
  const std::string big = dir.write("big.json", std::string(9 * 1024 * 1024, ' '));
  CHECK_THROWS_WITH(load_scenario_file(big),
                    big + ": expected a file of at most 8 MiB, found more than that");
  CHECK_THROWS_WITH(load_scenario_file("/dev/zero"),
                    "/dev/zero: expected a file of at most 8 MiB, found more than that");
}

}  // namespace
}  // namespace harness::scenario
