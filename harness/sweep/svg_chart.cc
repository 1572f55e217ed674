#include "harness/sweep/svg_chart.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <utility>

#include "harness/report/markup_escape.h"

namespace harness::sweep {
namespace {

constexpr int kWidth = 560, kHeight = 340;
constexpr int kLeft = 70, kRight = 20, kTop = 40, kBottom = 60;
constexpr int kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;
const char* const kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string tick(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

// A title too wide for the chart in one line is split before its "(...)" qualifier (the axes held
// fixed, the cells not shown) or at the last space that fits; the rest goes on a smaller line.
std::pair<std::string, std::string> title_lines(const std::string& title) {
  constexpr std::size_t kFits = 64;  // characters of 14 px bold across 560 px
  if (title.size() <= kFits) return {title, ""};
  std::size_t cut = title.rfind(" (", kFits);
  if (cut == std::string::npos || cut == 0) cut = title.rfind(' ', kFits);
  if (cut == std::string::npos || cut == 0) return {title, ""};
  return {title.substr(0, cut), title.substr(cut + 1)};
}

std::string open_svg(const std::string& title, int width = kWidth, int height = kHeight) {
  const auto [first, second] = title_lines(title);
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"sans-serif\" font-size=\"12\">"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
      << "<text x=\"" << width / 2 << "\" y=\"" << (second.empty() ? 22 : 17)
      << "\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">" << xml_escape(first) << "</text>";
  if (!second.empty())
    out << "<text x=\"" << width / 2 << "\" y=\"33\" text-anchor=\"middle\">" << xml_escape(second) << "</text>";
  return out.str();
}

// The frame, y ticks from 0 to y_max and the axis names.
std::string frame(double y_max, const std::string& x_name, const std::string& y_name) {
  std::ostringstream out;
  out << "<rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\"" << kPlotWidth << "\" height=\"" << kPlotHeight
      << "\" fill=\"none\" stroke=\"#888\"/>";
  for (int i = 0; i <= 4; ++i) {
    const double y = kTop + kPlotHeight - kPlotHeight * i / 4.0;
    out << "<line x1=\"" << kLeft << "\" x2=\"" << kLeft + kPlotWidth << "\" y1=\"" << num(y) << "\" y2=\"" << num(y)
        << "\" stroke=\"#eee\"/><text x=\"" << kLeft - 6 << "\" y=\"" << num(y + 4)
        << "\" text-anchor=\"end\">" << tick(y_max * i / 4) << "</text>";
  }
  out << "<text x=\"" << kLeft + kPlotWidth / 2 << "\" y=\"" << kHeight - 12 << "\" text-anchor=\"middle\">"
      << xml_escape(x_name) << "</text><text transform=\"translate(16," << kTop + kPlotHeight / 2
      << ") rotate(-90)\" text-anchor=\"middle\">" << xml_escape(y_name) << "</text>";
  return out.str();
}

double nice_max(double v) {
  if (v <= 0) return 1;
  double step = 1;
  while (step * 10 < v) step *= 10;
  while (step > v) step /= 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * step >= v) return m * step;
  return v;
}

// White to dark red: the colour of `t` in [0, 1].
std::string heat_colour(double t) {
  t = std::clamp(t, 0.0, 1.0);
  const int r = static_cast<int>(255 - 75 * t), g = static_cast<int>(245 - 215 * t), b = static_cast<int>(235 - 205 * t);
  char text[16];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", r, g, b);
  return text;
}

}  // namespace

std::string xml_escape(const std::string& text) { return report::escape_markup(text); }

std::string line_chart(const std::string& title, const std::string& x_name, const std::vector<std::string>& x_labels,
                       const std::string& y_name, const std::vector<Series>& series) {
  double y_max = 0;
  for (const Series& s : series)
    for (const auto& v : s.values) if (v) y_max = std::max(y_max, *v);
  y_max = nice_max(y_max);
  std::ostringstream out;
  out << open_svg(title) << frame(y_max, x_name, y_name);
  const auto x_at = [&](std::size_t i) {
    return kLeft + (x_labels.size() < 2 ? kPlotWidth / 2.0 : kPlotWidth * (0.05 + 0.9 * i / (x_labels.size() - 1.0)));
  };
  const auto y_at = [&](double v) { return kTop + kPlotHeight - kPlotHeight * v / y_max; };
  for (std::size_t i = 0; i < x_labels.size(); ++i)
    out << "<text x=\"" << num(x_at(i)) << "\" y=\"" << kTop + kPlotHeight + 16 << "\" text-anchor=\"middle\">"
        << xml_escape(x_labels[i]) << "</text>";
  for (std::size_t s = 0; s < series.size(); ++s) {
    const char* colour = kColours[s % 6];
    std::string path;
    for (std::size_t i = 0; i < series[s].values.size(); ++i) {
      if (!series[s].values[i]) continue;
      path += (path.empty() ? "M" : " L") + num(x_at(i)) + "," + num(y_at(*series[s].values[i]));
      out << "<circle cx=\"" << num(x_at(i)) << "\" cy=\"" << num(y_at(*series[s].values[i])) << "\" r=\"3\" fill=\""
          << colour << "\"/>";
    }
    out << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\"/>"
        << "<text x=\"" << kLeft + 8 << "\" y=\"" << kTop + 16 + 15 * s << "\" fill=\"" << colour << "\">"
        << xml_escape(series[s].name) << "</text>";
  }
  return out.str() + "</svg>";
}

std::string heat_map(const std::string& title, const std::string& x_name, const std::vector<std::string>& x_labels,
                     const std::string& y_name, const std::vector<std::string>& y_labels,
                     const std::vector<std::vector<std::optional<double>>>& values, const std::string& value_format,
                     const std::string& missing_text) {
  double v_max = 0;
  for (const auto& row : values)
    for (const auto& v : row) if (v) v_max = std::max(v_max, *v);
  std::ostringstream out;
  out << open_svg(title);
  const double w = static_cast<double>(kPlotWidth) / std::max<std::size_t>(1, x_labels.size());
  const double h = static_cast<double>(kPlotHeight) / std::max<std::size_t>(1, y_labels.size());
  for (std::size_t r = 0; r < y_labels.size(); ++r) {
    const double y = kTop + kPlotHeight - h * (r + 1);
    out << "<text x=\"" << kLeft - 6 << "\" y=\"" << num(y + h / 2 + 4) << "\" text-anchor=\"end\">"
        << xml_escape(y_labels[r]) << "</text>";
    for (std::size_t c = 0; c < x_labels.size(); ++c) {
      const auto& v = values[r][c];
      char text[48];
      if (v) std::snprintf(text, sizeof text, value_format.c_str(), *v);
      out << "<rect x=\"" << num(kLeft + w * c) << "\" y=\"" << num(y) << "\" width=\"" << num(w) << "\" height=\""
          << num(h) << "\" fill=\"" << (v ? heat_colour(v_max > 0 ? *v / v_max : 0) : "#ccc")
          << "\" stroke=\"#fff\"/><text x=\"" << num(kLeft + w * c + w / 2) << "\" y=\"" << num(y + h / 2 + 4)
          << "\" text-anchor=\"middle\">" << xml_escape(v ? text : missing_text) << "</text>";
    }
  }
  for (std::size_t c = 0; c < x_labels.size(); ++c)
    out << "<text x=\"" << num(kLeft + w * c + w / 2) << "\" y=\"" << kTop + kPlotHeight + 16
        << "\" text-anchor=\"middle\">" << xml_escape(x_labels[c]) << "</text>";
  out << "<text x=\"" << kLeft + kPlotWidth / 2 << "\" y=\"" << kHeight - 12 << "\" text-anchor=\"middle\">"
      << xml_escape(x_name) << "</text><text transform=\"translate(16," << kTop + kPlotHeight / 2
      << ") rotate(-90)\" text-anchor=\"middle\">" << xml_escape(y_name) << "</text>";
  return out.str() + "</svg>";
}

std::string scatter_plot(const std::string& title, const std::string& x_name, const std::string& y_name,
                         const std::vector<ScatterPoint>& points) {
  double x_max = 0, y_max = 0;
  for (const ScatterPoint& p : points) {
    x_max = std::max(x_max, p.x);
    y_max = std::max(y_max, p.y);
  }
  x_max = nice_max(x_max);
  y_max = nice_max(y_max);
  std::ostringstream out;
  out << open_svg(title) << frame(y_max, x_name, y_name);
  for (int i = 0; i <= 4; ++i)
    out << "<text x=\"" << num(kLeft + kPlotWidth * i / 4.0) << "\" y=\"" << kTop + kPlotHeight + 16
        << "\" text-anchor=\"middle\">" << tick(x_max * i / 4) << "</text>";
  for (const ScatterPoint& p : points) {
    const double x = kLeft + kPlotWidth * p.x / x_max, y = kTop + kPlotHeight - kPlotHeight * p.y / y_max;
    out << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << (p.marked ? 7 : 4) << "\" fill=\""
        << (p.highlighted ? "#d62728" : "#bbb") << "\" stroke=\"" << (p.marked ? "#000" : "none")
        << "\" stroke-width=\"2\"><title>" << xml_escape(p.label) << "</title></circle>";
  }
  out << "<text x=\"" << kLeft + kPlotWidth - 4 << "\" y=\"" << kTop + 16 << "\" text-anchor=\"end\" fill=\"#d62728\">"
      << "red: Pareto frontier; ringed: recommended</text>";
  return out.str() + "</svg>";
}

}  // namespace harness::sweep
