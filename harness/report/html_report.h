// `deploysim report`: one self-contained HTML page for one run — the scenario's story, the config
// that mattered, a lane per task, charts over time, the service events, the outcome and metrics,
// and the causal chain. Inline SVG and CSS and a few lines of inline script (a render check that
// stamps what the browser drew); nothing is fetched, so it opens offline. Same input, same bytes.
#pragma once

#include <ostream>
#include <vector>

#include "harness/explain/causal_chain.h"
#include "harness/explain/counterfactuals.h"
#include "harness/report/run_report.h"

namespace harness::report {

struct HtmlReportInput {
  const RunReportInput& run;
  const std::vector<explain::Chapter>& causal_chain;
  const explain::WhatIf& what_if;
};

void write_html_report(std::ostream& out, const HtmlReportInput& in);

}  // namespace harness::report
