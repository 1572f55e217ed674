// The sweep's self-contained HTML report: recommendation and notes, the Pareto frontier, heat
// maps over the first two axes, each metric (and each fault class's rollback share) against each
// axis, and the full table. Inline SVG and CSS only — no scripts, fonts or links — so it opens
// offline in any browser.
#pragma once

#include <ostream>
#include <string>

#include "harness/sweep/sweep_report.h"

namespace harness::sweep {

void write_html(std::ostream& out, const SweepReport& report);

// The charts docs/sweeps.md shows, as standalone SVG documents (the same as in the HTML).
std::string frontier_svg(const SweepReport& report);
std::string heat_map_svg(const SweepReport& report);  // empty when the sweep has one axis
// 5xx served per bad deploy over the first two axes; empty with one axis or without traffic.
std::string errors_heat_map_svg(const SweepReport& report);

}  // namespace harness::sweep
