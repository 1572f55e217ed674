// Numbers as they appear in every SVG deploysim draws: coordinates, sizes and the values of time
// charts. At most one decimal, no exponent and no "-0", so the same picture is the same bytes on
// every machine and the files stay small.
#pragma once

#include <string>

namespace harness::report {

// v rounded to one decimal: "12", "12.5", "0" (never "-0" or "12.0").
std::string svg_number(double v);

}  // namespace harness::report
