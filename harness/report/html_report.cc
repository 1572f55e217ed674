#include "harness/report/html_report.h"

#include <sstream>

#include "harness/report/config_rows.h"
#include "harness/report/event_view.h"
#include "harness/report/html_assets.h"
#include "harness/report/html_page.h"
#include "harness/report/markup_escape.h"
#include "harness/report/svg_time_chart.h"
#include "harness/report/svg_timeline.h"
#include "harness/report/timeline_model.h"

namespace harness::report {
namespace {


std::string outcome_name(sim::observe::Outcome o) { return std::string(sim::observe::to_string(o)); }

std::string paragraph(const std::string& text) { return "<p>" + escape_markup(text) + "</p>"; }

std::string header_section(const HtmlReportInput& in) {
  const auto& s = in.run.scenario;
  const std::string outcome = outcome_name(in.run.result.outcome);
  std::string out = "<header><h1>" + escape_markup(s.name) + " <span class=\"badge " + outcome + "\">" + outcome +
                    "</span></h1>";
  out += "<div class=\"muted\">seed " + std::to_string(s.seed) + " · rules " + escape_markup(s.rule_set) +
         " · run ended at " + sim::format_clock(in.run.result.ended_at) + " (" +
         std::string(sim::observe::to_string(in.run.result.end)) + ")</div>";
  if (!s.description.empty()) out += paragraph(s.description);
  return out + "</header>";
}

std::string story_section(const sim::model::Scenario& s) {
  std::string out = "<section id=\"story\"><h2>The story</h2>";
  out += s.story.empty() ? "<p class=\"muted\">This scenario tells no story.</p>"
                         : "<div class=\"story\">" + paragraph(s.story) + "</div>";
  if (!s.provenance.empty()) out += "<p class=\"muted\">Source: " + escape_markup(s.provenance) + "</p>";
  return out + "</section>";
}

std::string config_section(const HtmlReportInput& in) {
  std::string out = "<section id=\"config\"><h2>The config that mattered</h2>";
  const auto& w = in.what_if;
  for (std::size_t g = 0; g < w.goals.size(); ++g) {
    out += "<p>To get <b>" + outcome_name(w.goals[g]) + "</b> instead of " + outcome_name(in.run.result.outcome) + ": ";
    out += w.smallest[g] ? "<b>" + escape_markup(w.smallest[g]->change) + "</b> (re-simulated with the same seed)."
                         : "no single change tried, nor a pair of the cheapest, does it.";
    out += "</p>";
  }
  out += "<table><tr><th>setting</th><th>running revision</th><th>deployed revision</th></tr>";
  for (const ConfigRow& r : config_rows(in.run.scenario, in.run.breaker_threshold, w)) {
    const std::string cls = r.decisive ? "decisive" : r.changed_by_deploy ? "changed" : "";
    out += "<tr" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + "><td>" + escape_markup(r.setting);
    if (r.decisive) out += "<span class=\"tag decisive\">the fix changes this</span>";
    if (r.changed_by_deploy) out += "<span class=\"tag changed\">changed by the deploy</span>";
    out += "</td><td>" + escape_markup(r.before) + "</td><td>" + escape_markup(r.after) + "</td></tr>";
  }
  return out + "</table></section>";
}

// A small inline swatch for the legend under the timeline.
std::string key(const std::string& shape, const std::string& words) {
  return "<span><svg width=\"16\" height=\"14\">" + shape + "</svg> " + words + "</span>";
}

std::string timeline_section(const TimelineModel& m, const sim::model::Scenario& s, const TimeAxis& axis) {
  std::string out = "<section id=\"lanes\"><h2>Timeline: one lane per task, under the deployment it belongs to</h2>";
  out += render_timeline(m, s, axis);
  out += "<div class=\"keys\">";
  for (const char* st : {"provisioning", "pending", "activating", "running", "deactivating", "stopping", "deprovisioning"})
    out += key("<rect class=\"st-" + std::string(st) + "\" x=\"1\" y=\"3\" width=\"14\" height=\"8\"/>", st);
  out += key("<rect class=\"rev-old\" x=\"5\" y=\"1\" width=\"6\" height=\"12\"/>", "old revision");
  out += key("<rect class=\"rev-new\" x=\"5\" y=\"1\" width=\"6\" height=\"12\"/>", "deployed revision");
  out += key("<circle class=\"ch-ok\" cx=\"8\" cy=\"7\" r=\"4\"/>", "container HEALTHY");
  out += key("<circle class=\"ch-bad\" cx=\"8\" cy=\"7\" r=\"4\"/>", "container UNHEALTHY");
  out += key("<polygon class=\"tg-ok\" points=\"8,2 3,11 13,11\"/>", "target healthy");
  out += key("<polygon class=\"tg-bad\" points=\"8,11 3,2 13,2\"/>", "target unhealthy / draining");
  out += key("<line class=\"counted\" x1=\"8\" x2=\"8\" y1=\"1\" y2=\"13\"/>", "counts as healthy (or stops)");
  out += key("<path class=\"oom\" d=\"M3 2 L13 12 M13 2 L3 12\"/>", "OOM kill (exit 137), or a task not placed");
  out += key("<polygon class=\"exit\" points=\"8,2 13,7 8,12 3,7\"/>", "container exit, with its code");
  return out + "</div></section>";
}

ChartSpec healthy_chart(const TimelineModel& m) {
  ChartSpec c{"chart-healthy", "Healthy tasks vs desiredCount and the minimum-healthy floor", "tasks", {}, {}};
  c.lines.push_back({m.healthy.name, "healthy", m.healthy.points});
  c.references.push_back({"desiredCount " + std::to_string(m.desired_count), "desired", double(m.desired_count)});
  c.references.push_back({"minimum healthy " + std::to_string(m.minimum_healthy_tasks), "floor",
                          double(m.minimum_healthy_tasks)});
  return c;
}

ChartSpec breaker_chart(const TimelineModel& m, const sim::model::Scenario& s) {
  const bool on = s.service.deployment.circuit_breaker.enable;
  ChartSpec c{"chart-breaker",
              on ? "Circuit breaker: failed tasks counted vs its threshold"
                 : "Circuit breaker: disabled, so no failure is counted and nothing stops the deployment",
              "tasks", {}, {}};
  c.lines.push_back({m.breaker.name, "breaker", m.breaker.points});
  if (on) c.references.push_back({"threshold " + std::to_string(m.breaker_threshold), "threshold", double(m.breaker_threshold)});
  return c;
}

ChartSpec memory_chart(const TimelineModel& m) {
  ChartSpec c{"chart-memory", "Memory per container vs its hard limit (from the app profile's curve)", "MiB", {}, {}};
  bool shown_new = false, shown_old = false;
  std::vector<int> limits;
  for (const MemoryTrack& t : m.memory) {
    bool& shown = t.deployed_revision ? shown_new : shown_old;
    c.lines.push_back({"task " + std::to_string(t.task) + " " + t.container + (t.deployed_revision ? " (deployed)" : " (old)"),
                       t.deployed_revision ? "mem-new" : "mem-old", t.points, false, !shown});
    if (!shown) c.lines.back().label = t.deployed_revision ? "deployed revision's containers" : "old revision's containers";
    shown = true;
    if (t.limit_mib > 0 && std::find(limits.begin(), limits.end(), t.limit_mib) == limits.end()) {
      limits.push_back(t.limit_mib);
      c.references.push_back({"hard limit " + std::to_string(t.limit_mib) + " MiB (" + t.container + ")", "limit",
                              double(t.limit_mib)});
    }
  }
  return c;
}

ChartSpec traffic_chart(const TimelineModel& m) {
  ChartSpec c{"chart-traffic",
              "Traffic: each revision's share of the healthy targets the load balancer routes to", "%", {}, {}};
  for (std::size_t i = 0; i < m.traffic_share.size(); ++i)
    c.lines.push_back({m.traffic_share[i].name, i == 0 ? "share-old" : "share-new", m.traffic_share[i].points});
  Series none = m.no_healthy_target;
  for (StepPoint& p : none.points) p.value *= 100;
  c.lines.push_back({"no healthy target (100 while none is)", "no-target", none.points});
  c.y_max = 100;
  return c;
}

std::string charts_section(const TimelineModel& m, const sim::model::Scenario& s, const TimeAxis& axis, int& count) {
  std::vector<ChartSpec> specs{healthy_chart(m), breaker_chart(m, s)};
  if (!m.memory.empty()) specs.push_back(memory_chart(m));
  if (!m.traffic_share.empty()) specs.push_back(traffic_chart(m));
  std::string out = "<section id=\"charts\"><h2>Over time</h2>";
  for (const ChartSpec& spec : specs) out += "<div>" + render_chart(spec, axis) + "</div>";
  if (!m.traffic_share.empty())
    out += "<p class=\"muted\">The rolling strategy is the one simulated: traffic is shown as the share of healthy "
           "targets per revision; request errors are not modelled.</p>";
  count = static_cast<int>(specs.size());
  return out + "</section>";
}

std::string events_section(const RunReportInput& in) {
  std::string out = "<section id=\"events\"><h2>Service events</h2><div class=\"events\">";
  std::string all;
  for (const auto& e : in.trace.events()) {
    const std::string line = sim::format_clock(e.at) + "  " + escape_markup(describe(e, in.scenario).text);
    all += line + "\n";
    if (e.as<sim::observe::ServiceEvent>()) out += "<div>" + line + "</div>";
    if (e.as<sim::observe::DeploymentStateChanged>()) out += "<div class=\"dep\">" + line + "</div>";
  }
  out += "</div><details><summary>Every event of the run (" + std::to_string(in.trace.events().size()) +
         ")</summary><pre>" + all + "</pre></details>";
  return out + "</section>";
}

std::string outcome_section(const RunReportInput& in) {
  std::ostringstream text;
  print_outcome(text, in);
  return "<section id=\"outcome\"><h2>Outcome and metrics</h2><pre>" + escape_markup(text.str()) + "</pre></section>";
}

std::string chain_section(const HtmlReportInput& in) {
  std::string out = "<section id=\"causal-chain\"><h2>Why: the causal chain</h2>";
  for (const explain::Chapter& chapter : in.causal_chain) {
    out += "<h3>" + escape_markup(chapter.title) + "</h3><ul>";
    for (const std::string& line : chapter.lines) out += "<li>" + escape_markup(line) + "</li>";
    out += "</ul>";
  }
  if (!in.what_if.tried.empty()) {
    out += "<details><summary>Every change tried (" + std::to_string(in.what_if.tried.size()) +
           ", one at a time, same seed)</summary><ul>";
    for (const explain::Tried& t : in.what_if.tried)
      out += "<li>" + escape_markup(t.change) + " → " + outcome_name(t.outcome) + "</li>";
    out += "</ul></details>";
  }
  return out + "</section>";
}

}  // namespace

void write_html_report(std::ostream& out, const HtmlReportInput& in) {
  const auto& s = in.run.scenario;
  const TimelineModel model = build_timeline(in.run);
  const TimeAxis axis(model.end);
  int charts = 0;
  const std::string chart_html = charts_section(model, s, axis, charts);
  std::ostringstream body;
  body << header_section(in) << "\n"
       << story_section(s) << "\n"
       << config_section(in) << "\n"
       << timeline_section(model, s, axis) << "\n"
       << chart_html << "\n"
       << events_section(in.run) << "\n"
       << outcome_section(in.run) << "\n"
       << chain_section(in) << "\n"
       << "<div id=\"render-check\" data-status=\"pending\">render check has not run (scripts off?)</div>\n";
  write_html_page(out, {"deploysim report: " + s.name, kReportStyle, {{"data-charts", std::to_string(charts)}},
                        body.str(), kRenderCheckScript});
}

}  // namespace harness::report
