#include "harness/report/svg_plot_frame.h"

#include <cstdio>
#include <iterator>
#include <utility>

#include "harness/report/markup_escape.h"
#include "harness/report/svg_number.h"

namespace harness::report {
namespace {

constexpr const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

std::pair<std::string, std::string> title_lines(const std::string& title) {
  constexpr std::size_t kFits = 64;  // characters of 14 px bold across 560 px
  if (title.size() <= kFits) return {title, ""};
  std::size_t cut = title.rfind(" (", kFits);
  if (cut == std::string::npos || cut == 0) cut = title.rfind(' ', kFits);
  if (cut == std::string::npos || cut == 0) return {title, ""};
  return {title.substr(0, cut), title.substr(cut + 1)};
}

}  // namespace

std::string open_plot_svg(const std::string& title) {
  const auto [first, second] = title_lines(title);
  const std::string w = std::to_string(PlotArea::kWidth), h = std::to_string(PlotArea::kHeight);
  const std::string centre = std::to_string(PlotArea::kWidth / 2);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " +
                    w + " " + h + "\" font-family=\"sans-serif\" font-size=\"12\">" +
                    "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" + "<text x=\"" + centre + "\" y=\"" +
                    (second.empty() ? "22" : "17") + "\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">" +
                    escape_markup(first) + "</text>";
  if (!second.empty())
    out += "<text x=\"" + centre + "\" y=\"33\" text-anchor=\"middle\">" + escape_markup(second) + "</text>";
  return out;
}

std::string plot_value_frame(double y_max, const std::string& x_name, const std::string& y_name) {
  using P = PlotArea;
  std::string out = "<rect x=\"" + std::to_string(P::kLeft) + "\" y=\"" + std::to_string(P::kTop) + "\" width=\"" +
                    std::to_string(P::kPlotWidth) + "\" height=\"" + std::to_string(P::kPlotHeight) +
                    "\" fill=\"none\" stroke=\"#888\"/>";
  for (int i = 0; i <= 4; ++i) {
    const double y = P::kTop + P::kPlotHeight - P::kPlotHeight * i / 4.0;
    out += "<line x1=\"" + std::to_string(P::kLeft) + "\" x2=\"" + std::to_string(P::kLeft + P::kPlotWidth) +
           "\" y1=\"" + svg_number(y) + "\" y2=\"" + svg_number(y) + "\" stroke=\"#eee\"/><text x=\"" +
           std::to_string(P::kLeft - 6) + "\" y=\"" + svg_number(y + 4) + "\" text-anchor=\"end\">" +
           plot_value_label(y_max * i / 4) + "</text>";
  }
  return out + plot_axis_names(x_name, y_name);
}

std::string plot_axis_names(const std::string& x_name, const std::string& y_name) {
  using P = PlotArea;
  return "<text x=\"" + std::to_string(P::kLeft + P::kPlotWidth / 2) + "\" y=\"" + std::to_string(P::kHeight - 12) +
         "\" text-anchor=\"middle\">" + escape_markup(x_name) + "</text><text transform=\"translate(16," +
         std::to_string(P::kTop + P::kPlotHeight / 2) + ") rotate(-90)\" text-anchor=\"middle\">" +
         escape_markup(y_name) + "</text>";
}

std::string plot_value_label(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

const char* series_colour(std::size_t i) { return kColours[i % std::size(kColours)]; }

}  // namespace harness::report
