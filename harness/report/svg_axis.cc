#include "harness/report/svg_axis.h"

#include <cstdio>

namespace harness::report {

TimeAxis::TimeAxis(sim::Millis end) : end_(end > sim::Millis{0} ? end : sim::seconds(1)) {}

double TimeAxis::x(sim::Millis t) const {
  return kLeft + kWidth * static_cast<double>(t.count()) / static_cast<double>(end_.count());
}

std::vector<sim::Millis> TimeAxis::ticks() const {
  std::vector<sim::Millis> out;
  sim::Millis step = sim::hours(1);
  for (const sim::Millis s : {sim::seconds(10), sim::seconds(30), sim::minutes(1), sim::minutes(2), sim::minutes(5),
                              sim::minutes(10), sim::minutes(15), sim::minutes(30), sim::hours(1)}) {
    if (end_ / s <= 8) {
      step = s;
      break;
    }
  }
  for (sim::Millis t{0}; t <= end_; t += step) out.push_back(t);
  return out;
}

std::string TimeAxis::grid(double top, double bottom) const {
  std::string out = "<g class=\"axis\">";
  for (const sim::Millis t : ticks()) {
    const std::string x = svg_number(this->x(t));
    out += "<line x1=\"" + x + "\" y1=\"" + svg_number(top) + "\" x2=\"" + x + "\" y2=\"" + svg_number(bottom) + "\"/>";
    out += "<text x=\"" + x + "\" y=\"" + svg_number(bottom + 14) + "\" text-anchor=\"middle\">" + short_clock(t) +
           "</text>";
  }
  return out + "</g>";
}

std::string short_clock(sim::Millis t) {
  const long long s = t.count() / 1000;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

}  // namespace harness::report
