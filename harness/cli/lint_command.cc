#include "harness/cli/lint_command.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "harness/ci/github_actions.h"
#include "harness/cli/command_line.h"
#include "harness/cli/lint_origins.h"
#include "harness/cli/scenario_input.h"
#include "harness/cli/usage_error.h"
#include "harness/lint/finding_locator.h"
#include "harness/lint/finding_report.h"
#include "harness/lint/lint.h"
#include "harness/lint/rule_catalog.h"
#include "harness/report/code_quality.h"
#include "harness/report/junit.h"
#include "harness/report/markdown_table.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct LintFlags {
  std::vector<std::string> files;
  bool json = false;
  std::string sarif_path;
  std::string junit_path;
  std::string code_quality_path;
  ScenarioInputFlags input;
};

po::options_description lint_options(LintFlags& f) {
  po::options_description d(
      "deploysim lint FILE... [options]\n\n"
      "Checks each FILE before it is deployed: the task definition being deployed and the\n"
      "service, against the incidents of the seeds. Exits 1 when any finding is an\n"
      "error, 0 otherwise, 2 on bad input. Under GitHub Actions (GITHUB_ACTIONS=true) it\n"
      "also annotates the findings and appends a table to the job summary.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("json", po::bool_switch(&f.json), "print the findings as a JSON array (one FILE)")
      ("sarif", po::value(&f.sarif_path), "write the findings as SARIF 2.1.0 to this file")
      ("junit", po::value(&f.junit_path), "write a JUnit XML report to this file (a case per rule)")
      ("code-quality", po::value(&f.code_quality_path), "write GitLab's Code Quality JSON report to this file");
  add_scenario_input_options(d, f.input);
  return d;
}

std::string subject(const std::string& path, const sim::model::Scenario& s) {
  return path + " (deploying " +
         s.task_definitions[static_cast<std::size_t>(s.deploy.to_task_definition)].arn_name() + ")";
}

// One suite per file, one case per rule of the catalog: failed when it found an error, passed
// (its warnings as output) otherwise.
report::JunitSuite junit_suite(const lint::LintedFile& file) {
  report::JunitSuite suite{file.path, {}, 0};
  for (const lint::RuleInfo& rule : lint::rule_catalog()) {
    report::JunitCase& c = suite.cases.emplace_back();
    c.classname = "deploysim.lint." + file.path;
    c.name = std::string(rule.id);
    for (const lint::Finding& f : file.findings) {
      if (f.rule != rule.id) continue;
      const std::string line = std::string(lint::to_string(f.severity)) + " at " + f.pointer + ": " + f.message;
      if (f.severity == lint::Severity::error) {
        c.result = report::JunitResult::failed;
        c.type = "LintError";
        if (c.message.empty()) c.message = f.message;
        c.details += line + " — " + f.why + "\n";
      } else {
        c.system_out += line + "\n";
      }
    }
  }
  return suite;
}

// Errors before warnings before infos, in lint's order within each: what GitHub should show
// first when it cannot show everything.
std::vector<ci::Annotation> ranked_annotations(const std::vector<lint::LintedFile>& files) {
  std::vector<ci::Annotation> ranked;
  for (const lint::Severity severity : {lint::Severity::error, lint::Severity::warning, lint::Severity::info}) {
    for (const lint::LintedFile& file : files) {
      lint::FindingLocator locator(file.path);
      for (const lint::Finding& f : file.findings) {
        if (f.severity != severity) continue;
        const lint::FindingPosition at = locator.locate(f);
        ranked.push_back({static_cast<ci::AnnotationLevel>(severity), at.file, at.line, at.column,
                          "deploysim lint: " + f.rule, f.message + " — " + f.why});
      }
    }
  }
  return ranked;
}

std::string step_summary(const std::vector<ci::Annotation>& ranked, std::size_t files) {
  std::ostringstream out;
  out << "### deploysim lint\n\n";
  if (ranked.empty()) {
    out << "No findings in " << files << " file" << (files == 1 ? "" : "s") << ".\n\n";
    return out.str();
  }
  report::MarkdownTable table({"", "rule", "where", "finding"});
  for (const ci::Annotation& a : ranked) {
    const char* level = a.level == ci::AnnotationLevel::error     ? "❌ error"
                        : a.level == ci::AnnotationLevel::warning ? "⚠️ warning"
                                                                  : "ℹ️ info";
    table.add_row({level, "`" + a.title.substr(a.title.rfind(' ') + 1) + "`",
                   a.file + ":" + std::to_string(a.line) + ":" + std::to_string(a.column), a.message});
  }
  out << ranked.size() << " finding" << (ranked.size() == 1 ? "" : "s") << " in " << files << " file"
      << (files == 1 ? "" : "s") << ":\n\n" << table.render() << "\n";
  return out.str();
}

}  // namespace

int lint_command(const std::vector<std::string>& args) {
  LintFlags f;
  const po::options_description options = lint_options(f);
  const po::variables_map vm = parse_command_line("lint", args, options, f.files);
  if (printed_help(vm, options)) return 0;
  if (f.files.empty()) throw UsageError("lint: a scenario FILE is required");
  if (f.json && f.files.size() > 1) throw UsageError("lint: --json takes one FILE");
  const ci::GithubEnvironment github = ci::GithubEnvironment::from_environment();
  std::vector<lint::LintedFile> linted;
  for (const std::string& path : f.files) {
    // A configuration (plan, template, ...) is linted as the scenario init writes from it, its
    // findings placed back in the user's files (lint_origins.h).
    const std::optional<readers::ConfigInput> config = read_config_input(path, f.input);
    if (config) {
      linted.push_back({path, lint::lint(config->loaded.scenario)});
      place_in_user_files(linted.back(), config->built.origins);
    }
    // The loader checks the file and builds the model; the document is read again only for the
    // shape of the AWS sections, which the model does not keep (harness/lint/source_map.h).
    const scenario::Loaded loaded = config ? config->loaded : scenario::load_scenario_file(path);
    if (!config) {
      const scenario::Document document = scenario::Document::from_file(path);
      linted.push_back({path, lint::lint(loaded.scenario, lint::SourceMap(document))});
    }
    if (f.json) {
      std::cout << lint::findings_json(linted.back().findings).dump(2) << "\n";
      continue;
    }
    if (github.active) ci::begin_group(std::cout, "deploysim lint " + path);
    lint::print_findings(std::cout, linted.back().findings, subject(path, loaded.scenario));
    if (github.active) ci::end_group(std::cout);
  }
  if (!f.sarif_path.empty() || !f.code_quality_path.empty()) {
    report::SarifRun run = lint::lint_sarif_run(linted);
    run.tool_version = DEPLOYSIM_VERSION;
    if (!f.sarif_path.empty())
      write_output_file("lint", f.sarif_path, "SARIF log",
                        [&](std::ostream& out) { out << report::sarif_log(run).dump(2) << "\n"; });
    if (!f.code_quality_path.empty())
      write_output_file("lint", f.code_quality_path, "Code Quality report",
                        [&](std::ostream& out) { out << report::code_quality_report(run).dump(2) << "\n"; });
  }
  if (!f.junit_path.empty())
    write_output_file("lint", f.junit_path, "JUnit report", [&](std::ostream& out) {
      std::vector<report::JunitSuite> suites;
      for (const lint::LintedFile& file : linted) suites.push_back(junit_suite(file));
      report::write_junit(out, "deploysim lint", suites);
    });
  bool errors = false;
  for (const lint::LintedFile& file : linted) errors = errors || lint::has_errors(file.findings);
  if (github.active) {
    const std::vector<ci::Annotation> ranked = ranked_annotations(linted);
    // Annotations are text on standard output: they would break the JSON array tools read.
    if (!f.json) ci::write_annotations(std::cout, github, ranked, "deploysim lint");
    ci::append_step_summary(github, step_summary(ranked, linted.size()));
  }
  return errors ? 1 : 0;
}

}  // namespace harness::cli
