// deploysim as a GitHub Actions step. When GITHUB_ACTIONS=true, commands speak the runner's
// workflow commands besides their usual output: `::error file=…,line=…,col=…::` and `::warning`
// annotations that GitHub shows on the pull request's diff, `::group::` folds around long output,
// and Markdown appended to the job summary ($GITHUB_STEP_SUMMARY). Outside Actions none of this is
// written. Reference: GitHub's "Workflow commands for GitHub Actions".
//
// GitHub shows at most 10 error and 10 warning annotations (and 10 notices) per step and 50 in a
// whole job, and drops the rest silently. So callers hand annotations over ranked, most important
// first; the writer keeps within the caps, counting what earlier deploysim commands of the same
// step and job wrote (in $RUNNER_TEMP, which the runner empties for every job), and prints one
// line saying how many it left out and where to find them.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace harness::ci {

struct GithubEnvironment {
  bool active = false;         // GITHUB_ACTIONS is "true"
  std::string step_summary;    // $GITHUB_STEP_SUMMARY: a file to append Markdown to; may be empty
  std::string output;          // $GITHUB_OUTPUT: a file of "name=value" step outputs; may be empty
  std::string runner_temp;     // $RUNNER_TEMP: where the job's annotation counts are kept
  std::string step;            // $GITHUB_ACTION: the step's id, so counts restart in each step

  // Read from the process environment.
  static GithubEnvironment from_environment();
};

enum class AnnotationLevel { error, warning, notice };

struct Annotation {
  AnnotationLevel level = AnnotationLevel::error;
  std::string file;          // relative to the checkout, as the user named it
  int line = 0, column = 0;  // 1-based; 0 leaves them out
  std::string title;         // e.g. the rule id
  std::string message;
};

// Workflow-command escaping: a message escapes "%", CR and LF; a property value also ":" and ",".
std::string escape_command_data(std::string_view text);
std::string escape_command_property(std::string_view text);

// Writes `ranked` (most important first) as annotations within the caps above, then, when some
// were left out, one line: "deploysim lint: 3 errors and 12 warnings not annotated (GitHub shows
// 10 of each per step and 50 per job); all are in the log above". `command` names the writer.
void write_annotations(std::ostream& out, const GithubEnvironment& github,
                       const std::vector<Annotation>& ranked, const std::string& command);

// "::group::<title>" and "::endgroup::": the log folds what is between them.
void begin_group(std::ostream& out, std::string_view title);
void end_group(std::ostream& out);

// Appends `markdown` to $GITHUB_STEP_SUMMARY (nothing when it is not set). A file that cannot be
// written throws std::runtime_error naming it.
void append_step_summary(const GithubEnvironment& github, const std::string& markdown);

// Appends "name=value" to $GITHUB_OUTPUT (nothing when it is not set); `value` is one line.
void set_step_output(const GithubEnvironment& github, std::string_view name, std::string_view value);

}  // namespace harness::ci
