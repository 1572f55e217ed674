// The run as lanes: one row per task, its lifecycle states as coloured bars, its container and
// target health changes, OOM kills and exit codes as marks, old and new revisions told apart.
#pragma once

#include <string>

#include "harness/report/svg_axis.h"
#include "harness/report/timeline_model.h"
#include "sim/model/scenario.h"

namespace harness::report {

// One <svg id="timeline" data-lanes="N"> with a <g class="lane"> per task.
std::string render_timeline(const TimelineModel& model, const sim::model::Scenario& scenario, const TimeAxis& axis);

}  // namespace harness::report
