#include "harness/report/svg_timeline.h"

#include <cctype>

#include "harness/report/markup_escape.h"

namespace harness::report {
namespace {

constexpr double kTop = 10;
constexpr double kLaneHeight = 24;
constexpr double kBar = 12;  // bar height inside a lane
constexpr std::size_t kLabelChars = 25;  // what fits left of the plot area

std::string state_class(sim::ecs::TaskState s) {
  std::string out(sim::ecs::to_string(s));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "st-" + out;
}

// A mark's shape, centred at (x, y): dots for container health, triangles for target health,
// a cross for an OOM kill, a diamond for any other exit.
std::string mark_shape(const Mark& m, double x, double y) {
  const std::string cx = svg_number(x);
  auto pt = [&](double dx, double dy) { return svg_number(x + dx) + "," + svg_number(y + dy); };
  switch (m.kind) {
    case MarkKind::container_healthy:
      return "<circle class=\"mk ch-ok\" cx=\"" + cx + "\" cy=\"" + svg_number(y - 6) + "\" r=\"3.5\">";
    case MarkKind::container_unhealthy:
      return "<circle class=\"mk ch-bad\" cx=\"" + cx + "\" cy=\"" + svg_number(y - 6) + "\" r=\"3.5\">";
    case MarkKind::target_healthy:
      return "<polygon class=\"mk tg-ok\" points=\"" + pt(0, 2) + " " + pt(-4, 9) + " " + pt(4, 9) + "\">";
    case MarkKind::target_unhealthy:
      return "<polygon class=\"mk tg-bad\" points=\"" + pt(0, 9) + " " + pt(-4, 2) + " " + pt(4, 2) + "\">";
    case MarkKind::counted_healthy:
      return "<line class=\"mk counted\" x1=\"" + cx + "\" x2=\"" + cx + "\" y1=\"" + svg_number(y - 6) + "\" y2=\"" +
             svg_number(y + 6) + "\">";
    case MarkKind::oom_killed:
    case MarkKind::not_placed:
      return "<path class=\"mk oom\" d=\"M" + pt(-5, -5) + " L" + pt(5, 5) + " M" + pt(5, -5) + " L" + pt(-5, 5) + "\">";
    case MarkKind::exited:
      return "<polygon class=\"mk exit\" points=\"" + pt(0, -5) + " " + pt(5, 0) + " " + pt(0, 5) + " " + pt(-5, 0) +
             "\">";
  }
  return "<g>";
}

std::string closing_tag(const Mark& m) {
  switch (m.kind) {
    case MarkKind::container_healthy:
    case MarkKind::container_unhealthy: return "</circle>";
    case MarkKind::target_healthy:
    case MarkKind::target_unhealthy:
    case MarkKind::exited: return "</polygon>";
    case MarkKind::counted_healthy: return "</line>";
    case MarkKind::oom_killed:
    case MarkKind::not_placed: return "</path>";
  }
  return "</g>";
}

std::string render_lane(const TaskLane& lane, const sim::model::Scenario& s, const TimeAxis& axis, double top) {
  const std::string revision = s.task_definitions.at(static_cast<std::size_t>(lane.task_definition)).arn_name();
  const std::string which = lane.deployed_revision ? "new" : "old";
  const double mid = top + kLaneHeight / 2;
  std::string out = "<g class=\"lane " + which + "\" data-task=\"" + std::to_string(lane.task) + "\">";
  if (!lane.stop_summary.empty()) out += "<title>" + escape_markup(lane.stop_summary) + "</title>";
  out += "<rect class=\"rev-" + which + "\" x=\"4\" y=\"" + svg_number(top + 3) + "\" width=\"6\" height=\"" +
         svg_number(kLaneHeight - 6) + "\"/>";
  // Long family names are cut to fit the label column; the lane's tooltip has the stop summary.
  std::string label = "task " + std::to_string(lane.task) + " · " + revision;
  if (label.size() > kLabelChars) label = label.substr(0, kLabelChars - 3) + "...";
  out += "<text class=\"lane-label\" x=\"16\" y=\"" + svg_number(mid + 4) + "\">" + escape_markup(label) + "</text>";
  for (const StateSegment& seg : lane.segments) {
    if (seg.state == sim::ecs::TaskState::stopped) continue;  // a stopped task leaves its lane empty
    const double x = axis.x(seg.from);
    const double w = std::max(1.0, axis.x(seg.to) - x);
    out += "<rect class=\"bar " + state_class(seg.state) + "\" x=\"" + svg_number(x) + "\" y=\"" +
           svg_number(mid - kBar / 2) + "\" width=\"" + svg_number(w) + "\" height=\"" + svg_number(kBar) +
           "\"><title>task " + std::to_string(lane.task) + " " + std::string(sim::ecs::to_string(seg.state)) + " " +
           short_clock(seg.from) + "–" + short_clock(seg.to) + "</title></rect>";
  }
  for (const Mark& m : lane.marks) {
    const double x = axis.x(m.at);
    out += mark_shape(m, x, mid) + "<title>" + short_clock(m.at) + " " + escape_markup(m.label) + "</title>" +
           closing_tag(m);
    if (!m.tag.empty())
      out += "<text class=\"mk-label " + std::string(m.kind == MarkKind::oom_killed ? "oom" : "exit") + "\" x=\"" +
             svg_number(x + 7) + "\" y=\"" + svg_number(mid - 3) + "\">" + escape_markup(m.tag) + "</text>";
  }
  return out + "</g>";
}

// One row under the lanes with a cross per task ECS could not place (they never get a lane).
std::string render_placement_row(const std::vector<Mark>& failures, const TimeAxis& axis, double top) {
  const double mid = top + kLaneHeight / 2;
  std::string out = "<g class=\"placement-row\"><text class=\"lane-label\" x=\"16\" y=\"" + svg_number(mid + 4) +
                    "\">not placed (" + std::to_string(failures.size()) + ")</text>";
  for (const Mark& m : failures)
    out += mark_shape(m, axis.x(m.at), mid) + "<title>" + short_clock(m.at) + " " + escape_markup(m.label) + "</title>" +
           closing_tag(m);
  return out + "</g>";
}

// The row that heads one deployment's lanes: which UpdateService started it, how it ended.
std::string render_deployment_row(const DeploymentGroup& g, double top) {
  return "<g class=\"deployment-row" + std::string(g.under_test ? " under-test" : "") + "\" data-deployment=\"" +
         std::to_string(g.deployment) + "\"><text class=\"deployment-label\" x=\"4\" y=\"" +
         svg_number(top + kLaneHeight / 2 + 4) + "\">" + escape_markup(g.label) + "</text></g>";
}

}  // namespace

std::string render_timeline(const TimelineModel& model, const sim::model::Scenario& scenario, const TimeAxis& axis) {
  const std::size_t rows =
      model.lanes.size() + model.deployments.size() + (model.placement_failures.empty() ? 0 : 1);
  const double lanes_bottom = kTop + kLaneHeight * static_cast<double>(rows);
  const double height = lanes_bottom + 24;
  std::string out = "<svg id=\"timeline\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" data-lanes=\"" +
                    std::to_string(model.lanes.size()) + "\" width=\"" + svg_number(axis.total_width()) +
                    "\" height=\"" + svg_number(height) + "\" viewBox=\"0 0 " + svg_number(axis.total_width()) + " " +
                    svg_number(height) + "\" role=\"img\"><title>One lane per task</title>";
  out += axis.grid(kTop, lanes_bottom);
  // Lanes per deployment (ecs-rules §12): each deployment's header, then its tasks in launch order.
  double top = kTop;
  for (const DeploymentGroup& g : model.deployments) {
    out += render_deployment_row(g, top);
    top += kLaneHeight;
    for (const TaskLane& lane : model.lanes) {
      if (lane.deployment != g.deployment) continue;
      out += render_lane(lane, scenario, axis, top);
      top += kLaneHeight;
    }
  }
  if (!model.placement_failures.empty()) out += render_placement_row(model.placement_failures, axis, top);
  return out + "</svg>";
}

}  // namespace harness::report
