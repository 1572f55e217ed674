// Text made safe inside HTML, SVG and XML (JUnit) elements and attribute values: the five
// markup characters become entities, and control characters other than tab and newline are
// dropped (XML 1.0 has no place for them and JUnit readers reject them). One rule for every
// report deploysim writes.
#pragma once

#include <string>
#include <string_view>

namespace harness::report {

inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

}  // namespace harness::report
