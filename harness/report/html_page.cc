#include "harness/report/html_page.h"

#include "harness/report/markup_escape.h"

namespace harness::report {

void write_html_page(std::ostream& out, const HtmlPage& page) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>" << escape_markup(page.title) << "</title><style>" << page.style << "</style></head>\n<body";
  for (const auto& [name, value] : page.body_attributes) out << " " << name << "=\"" << escape_markup(value) << "\"";
  out << ">\n" << page.body;
  if (!page.script.empty()) out << "<script>" << page.script << "</script>\n";
  out << "</body></html>\n";
}

}  // namespace harness::report
