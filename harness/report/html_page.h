// The shell of every HTML page deploysim writes (`report` for one run, `sweep` and `merge` for a
// grid of settings): one self-contained file with its style sheet and script inline and nothing
// fetched, so it opens offline, from a CI artefact or an e-mail attachment. Same page, same bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace harness::report {

struct HtmlPage {
  std::string title;  // the <title>, plain text (escaped here)
  std::string_view style;  // the CSS inlined in <head>
  // Attributes of <body> as (name, value), values plain text (escaped here): data a script reads.
  std::vector<std::pair<std::string, std::string>> body_attributes;
  std::string body;          // the content: markup, its text already escaped (markup_escape.h)
  std::string_view script;   // JavaScript run after the content; empty: no <script> element
};

// Writes "<!DOCTYPE html>", a <head> (UTF-8, a viewport for phones, the title and the style), then
// <body> with the content and the script. The caller checks the stream.
void write_html_page(std::ostream& out, const HtmlPage& page);

}  // namespace harness::report
