#include "tests/fuzz/pipeline.h"

#include <algorithm>
#include <sstream>

#include "harness/lint/lint.h"
#include "harness/report/run_report.h"
#include "harness/scenario/document.h"
#include "harness/scenario/expectation_check.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

namespace fuzzing {
namespace {

using harness::scenario::Document;
using harness::scenario::Loaded;

PipelineRun lint_and_run(Loaded loaded, const Document& document, RunLimits limits) {
  harness::lint::lint(loaded.scenario, harness::lint::SourceMap(document));
  sim::model::Scenario& s = loaded.scenario;
  if (limits.horizon) s.horizon = std::min(s.horizon, *limits.horizon);
  if (limits.event_cap) s.event_cap = std::min(s.event_cap, *limits.event_cap);

  sim::Simulation simulation(s, {.trace = true});
  PipelineRun run;
  run.result = simulation.run();
  run.trace_events = simulation.trace().events().size();
  const harness::report::RunReportInput in{s, run.result, simulation.trace(),
                                           simulation.breaker_threshold()};
  std::ostringstream reports;
  harness::report::print_setup(reports, in);
  harness::report::print_timeline(reports, in);
  harness::report::print_outcome(reports, in);
  harness::report::write_event_log(reports, in);
  reports << harness::report::summary_json(in).dump(2);
  if (s.expect) harness::scenario::unmet_expectations(*s.expect, run.result);
  run.report_bytes = reports.str().size();
  return run;
}

}  // namespace

PipelineRun run_pipeline_text(std::string_view text, const std::string& display_name,
                              RunLimits limits) {
  Loaded loaded = harness::scenario::load_scenario_text(text, display_name);
  const Document document(display_name, std::string(text), "");
  return lint_and_run(std::move(loaded), document, limits);
}

PipelineRun run_pipeline_file(const std::string& path, RunLimits limits) {
  Loaded loaded = harness::scenario::load_scenario_file(path);
  const Document document = Document::from_file(path);
  return lint_and_run(std::move(loaded), document, limits);
}

}  // namespace fuzzing
