// harness/report/markup_escape.h: the one escape of every HTML, SVG and JUnit file.
#include "harness/report/markup_escape.h"

#include <catch2/catch.hpp>

using harness::report::escape_markup;

TEST_CASE("escape_markup turns < > & \" ' into entities") {
  // Given the five markup characters, then each becomes its entity and nothing else changes.
  CHECK(escape_markup("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST_CASE("escape_markup escapes an entity's own ampersand again") {
  // Given text that already looks escaped, then it is escaped once more: text is never markup.
  CHECK(escape_markup("&amp;") == "&amp;amp;");
}

TEST_CASE("escape_markup drops control characters but keeps tab, newline and UTF-8") {
  // Given control bytes XML 1.0 forbids among tabs, newlines and multi-byte characters, then only
  // the forbidden bytes go.
  CHECK(escape_markup("a\x01\tb\nc\x1f\r → é") == "a\tb\nc → é");
}

TEST_CASE("escape_markup of empty text is empty") { CHECK(escape_markup("").empty()); }
