#include "harness/report/html_assets.h"

namespace harness::report {

const char* const kReportStyle = R"CSS(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px auto;
       max-width: 1100px; color: #1d2430; background: #fff; line-height: 1.45; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 28px 0 8px; border-bottom: 1px solid #d8dde6; }
h3 { font-size: 1em; margin: 14px 0 4px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 10px; font-weight: 600; color: #fff; }
.badge.COMPLETED { background: #2e7d32; } .badge.ROLLED_BACK { background: #e65100; }
.badge.FAILED { background: #c62828; } .badge.STUCK { background: #6a1b9a; }
.muted { color: #5b6576; } .story { background: #f5f7fa; border-left: 4px solid #4f6d9a; padding: 8px 14px; }
table { border-collapse: collapse; font-size: 0.92em; } td, th { padding: 3px 10px; text-align: left; vertical-align: top; }
tr:nth-child(even) td { background: #f7f8fa; }
tr.changed td { background: #fff7e0; } tr.decisive td { background: #ffe3e0; font-weight: 600; }
.tag { font-size: 0.78em; padding: 0 6px; border-radius: 6px; margin-left: 6px; font-weight: 600; }
.tag.changed { background: #f9c74f; } .tag.decisive { background: #e63946; color: #fff; }
pre, .events { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; }
.events { max-height: 360px; overflow: auto; border: 1px solid #e2e6ee; padding: 6px 10px; }
.events div.dep { color: #4f6d9a; }
svg text { font-size: 11px; fill: #333; } svg .chart-title { font-size: 12.5px; font-weight: 600; }
.axis line { stroke: #e4e7ec; } .lane-label { font-size: 11px; }
.deployment-label { font-size: 11px; font-weight: 600; fill: #475467; } .deployment-row.under-test .deployment-label { fill: #1f4f99; }
.rev-old { fill: #9aa5b8; } .rev-new { fill: #3f7fd9; }
.lane.new .lane-label { fill: #1f4f99; font-weight: 600; }
.bar { stroke: none; } .st-provisioning { fill: #d3d8e0; } .st-pending { fill: #b8c2d3; } .st-activating { fill: #9fb3d9; }
.st-running { fill: #7cc68a; } .lane.old .st-running { fill: #a9cfb0; }
.st-deactivating { fill: #f4b860; } .st-stopping { fill: #ef8f4a; } .st-deprovisioning { fill: #c9a184; }
.mk { stroke: #fff; stroke-width: 0.8; } .ch-ok { fill: #1b8a3a; } .ch-bad { fill: #d62828; }
.tg-ok { fill: #146c2e; } .tg-bad { fill: #b00020; } .counted { stroke: #0b4d1f; stroke-width: 1.5; }
.oom { stroke: #b00020; stroke-width: 2.6; fill: none; } .exit { fill: #222; }
.mk-label { font-size: 9.5px; font-weight: 700; } .mk-label.oom { fill: #b00020; }
.series { fill: none; stroke-width: 2; } .ref { stroke-dasharray: 6 4; stroke-width: 1.5; }
.legend line { stroke-width: 2.5; } .legend .ref { stroke-dasharray: 6 4; }
.healthy { stroke: #2e7d32; } .desired { stroke: #1f4f99; } .floor { stroke: #e65100; }
.breaker { stroke: #c62828; } .threshold { stroke: #6a1b9a; }
.mem-new { stroke: #3f7fd9; stroke-width: 1.5; } .mem-old { stroke: #9aa5b8; stroke-width: 1.5; } .limit { stroke: #b00020; }
.share-old { stroke: #9aa5b8; } .share-new { stroke: #3f7fd9; } .no-target { stroke: #b00020; }
.keys span { margin-right: 14px; white-space: nowrap; } .keys svg { vertical-align: middle; }
#render-check { font-size: 0.8em; color: #5b6576; margin-top: 24px; }
)CSS";

const char* const kRenderCheckScript = R"JS(
(function () {
  var problems = [];
  var timeline = document.getElementById('timeline');
  var lanes = timeline ? timeline.querySelectorAll('g.lane') : [];
  var expectedLanes = timeline ? Number(timeline.getAttribute('data-lanes')) : 0;
  if (!timeline) problems.push('no timeline');
  if (expectedLanes < 1 || lanes.length !== expectedLanes) problems.push('lanes ' + lanes.length + ' of ' + expectedLanes);
  var drawnLanes = 0;
  for (var i = 0; i < lanes.length; i++) {
    var box = lanes[i].getBBox();
    if (box.width > 0 && box.height > 0 && lanes[i].querySelector('rect.bar')) drawnLanes++;
  }
  if (drawnLanes !== lanes.length) problems.push('lanes drawn ' + drawnLanes + ' of ' + lanes.length);
  var charts = document.querySelectorAll('svg.chart');
  var expectedCharts = Number(document.body.getAttribute('data-charts'));
  var drawnCharts = 0;
  for (var c = 0; c < charts.length; c++) {
    var length = 0, paths = charts[c].querySelectorAll('path.series');
    for (var p = 0; p < paths.length; p++) length += paths[p].getTotalLength();
    if (length > 0) drawnCharts++; else problems.push('chart ' + charts[c].id + ' draws nothing');
  }
  if (charts.length !== expectedCharts) problems.push('charts ' + charts.length + ' of ' + expectedCharts);
  ['story', 'config', 'events', 'outcome', 'causal-chain'].forEach(function (id) {
    var s = document.getElementById(id);
    if (!s || s.getBoundingClientRect().height <= 0) problems.push('section ' + id + ' not shown');
  });
  var marks = timeline ? timeline.querySelectorAll('.mk').length : 0;
  var out = document.getElementById('render-check');
  out.setAttribute('data-status', problems.length ? 'fail' : 'ok');
  out.setAttribute('data-lanes', String(drawnLanes));
  out.setAttribute('data-charts', String(drawnCharts));
  out.setAttribute('data-marks', String(marks));
  out.textContent = problems.length ? 'render check failed: ' + problems.join('; ')
      : 'render check: ' + drawnLanes + ' lanes, ' + drawnCharts + ' charts, ' + marks + ' marks drawn';
  if (window.parent !== window)
    window.parent.postMessage({ frame: window.name, status: out.getAttribute('data-status'), lanes: drawnLanes,
                                charts: drawnCharts, marks: marks, problems: problems }, '*');
})();
)JS";

}  // namespace harness::report
