// The one escape for every markup deploysim writes: HTML pages, SVG charts and JUnit XML. Text
// passed through it is safe both as element content and inside a double- or single-quoted
// attribute value.
#pragma once

#include <string>
#include <string_view>

namespace harness::report {

// The five markup characters become entities (& &amp;, < &lt;, > &gt;, " &quot;, ' &#39;);
// control characters other than tab and newline are dropped, because XML 1.0 has no place for
// them and JUnit readers reject the file. Every other byte, UTF-8 included, is kept as it is.
std::string escape_markup(std::string_view text);

}  // namespace harness::report
