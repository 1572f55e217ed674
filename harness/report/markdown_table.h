// A GitHub-flavoured Markdown table, as pull-request comments and job summaries show them: the one
// way `lint`, `diff` and the GitHub step summary write tables. Cells are escaped so that a "|" or a
// line break in a message cannot break the table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace harness::report {

enum class Align { left, right };

class MarkdownTable {
 public:
  // One column per header; `align` gives each column's alignment (missing ones are left).
  explicit MarkdownTable(std::vector<std::string> headers, std::vector<Align> align = {});

  // A row of cells; fewer cells than columns are padded with empty ones.
  void add_row(std::vector<std::string> cells);

  std::size_t rows() const { return rows_.size(); }

  // The table, one line per row, each ending in "\n".
  std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

// Text safe inside a table cell: "|" becomes "\|", a line break "<br>", other text is kept.
std::string escape_markdown_cell(std::string_view text);

}  // namespace harness::report
