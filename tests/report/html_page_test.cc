// harness/report/html_page.h: the shell of every HTML page.
#include "harness/report/html_page.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace harness::report {

TEST_CASE("an HTML page inlines its style and script and escapes its title and body attributes") {
  // Given a title and an attribute value with markup, then both are escaped; style, body and
  // script go in as they are, in that order.
  std::ostringstream out;
  write_html_page(out, {"a <b> & c", "p{color:red}", {{"data-x", "1\"2"}}, "<p>hi</p>\n", "run();"});
  CHECK(out.str() ==
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>a &lt;b&gt; &amp; c</title><style>p{color:red}</style></head>\n"
        "<body data-x=\"1&quot;2\">\n<p>hi</p>\n<script>run();</script>\n</body></html>\n");
}

TEST_CASE("an HTML page without a script has no script element") {
  std::ostringstream out;
  write_html_page(out, {"t", "", {}, "", {}});
  CHECK(out.str().find("<script>") == std::string::npos);
  CHECK(out.str().find("<body>\n</body></html>\n") != std::string::npos);
}

}  // namespace harness::report
