// harness/report/svg_line_chart.h, svg_heat_map.h, svg_scatter_plot.h: the charts of categories
// and pairs, on the shared frame (svg_plot_frame.h) and value axis (value_axis.h).
#include <catch2/catch.hpp>

#include "harness/report/svg_heat_map.h"
#include "harness/report/svg_line_chart.h"
#include "harness/report/svg_scatter_plot.h"

namespace harness::report {

TEST_CASE("a line chart of values up to 21 tops its axis at 50 and labels its quarters") {
  // Given a series whose largest value is 21, then the axis runs to nice_max(21) = 50 in quarters.
  const std::string svg = line_chart("t", "x", {"0", "30"}, "y", {{"s", {10.0, 21.0}}});
  for (const char* label : {">0<", ">12.5<", ">25<", ">37.5<", ">50<"}) CHECK(svg.find(label) != std::string::npos);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"340\"", 0) == 0);
  CHECK(svg.size() >= 6);
  CHECK(svg.substr(svg.size() - 6) == "</svg>");
}

TEST_CASE("a line chart leaves a gap's dot out but joins the values around it") {
  const std::string svg = line_chart("t", "x", {"a", "b", "c"}, "y", {{"s", {1.0, std::nullopt, 2.0}}});
  CHECK(svg.find(" L") != std::string::npos);
  std::size_t dots = 0;
  for (std::size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++dots;
  CHECK(dots == 2);
}

TEST_CASE("a heat map labels a missing cell with the missing text and escapes its labels") {
  const std::string svg = heat_map("t", "x", {"a<b"}, "y", {"r"}, {{std::nullopt}}, "%.1f", "never");
  CHECK(svg.find(">never<") != std::string::npos);
  CHECK(svg.find("a&lt;b") != std::string::npos);
  CHECK(svg.find("fill=\"#ccc\"") != std::string::npos);
}

TEST_CASE("a scatter plot rings the marked point and colours the highlighted ones") {
  const std::string svg =
      scatter_plot("t", "x", "y", {{10, 1, "best & cheapest", true, true}, {20, 2, "other", false, false}});
  CHECK(svg.find("r=\"7\" fill=\"#d62728\" stroke=\"#000\"") != std::string::npos);
  CHECK(svg.find("r=\"4\" fill=\"#bbb\" stroke=\"none\"") != std::string::npos);
  CHECK(svg.find("<title>best &amp; cheapest</title>") != std::string::npos);
}

TEST_CASE("a long chart title is split before its parenthesised qualifier") {
  const std::string title = "bad deploys rolled back, by fault and by what else (bake=3, retries=5, grace=60)";
  const std::string svg = line_chart(title, "x", {"a"}, "y", {});
  CHECK(svg.find(">bad deploys rolled back, by fault and by what else</text>") != std::string::npos);
  CHECK(svg.find(">(bake=3, retries=5, grace=60)</text>") != std::string::npos);
}

}  // namespace harness::report
