#include "harness/ci/github_actions.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/support/temp_dir.h"

using harness::ci::Annotation;
using harness::ci::AnnotationLevel;
using harness::ci::GithubEnvironment;

namespace {

std::vector<Annotation> annotations(AnnotationLevel level, int n) {
  std::vector<Annotation> list;
  for (int i = 0; i < n; ++i) list.push_back({level, "s.json", i + 1, 3, "rule", "finding " + std::to_string(i)});
  return list;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string written(const GithubEnvironment& github, const std::vector<Annotation>& ranked) {
  std::ostringstream out;
  harness::ci::write_annotations(out, github, ranked, "deploysim lint");
  return out.str();
}

}  // namespace

TEST_CASE("workflow command values escape percent, line breaks, and in properties colon and comma") {
  CHECK(harness::ci::escape_command_data("50%\r\nok: a,b") == "50%25%0D%0Aok: a,b");
  CHECK(harness::ci::escape_command_property("a:b,c%") == "a%3Ab%2Cc%25");
}

TEST_CASE("an annotation names file, line, column and title") {
  const std::string out = written({}, {{AnnotationLevel::warning, "dir/s.json", 26, 7, "deploysim lint: x", "a\nb"}});
  CHECK(out == "::warning file=dir/s.json,line=26,col=7,title=deploysim lint%3A x::a%0Ab\n");
}

TEST_CASE("at most 10 errors and 10 warnings are annotated per step, the rest counted in one line") {
  // Given 25 errors and 12 warnings ranked, when written, then the first 10 of each are annotated.
  std::vector<Annotation> ranked = annotations(AnnotationLevel::error, 25);
  for (const Annotation& a : annotations(AnnotationLevel::warning, 12)) ranked.push_back(a);
  const std::string out = written({}, ranked);
  CHECK(count(out, "::error ") == 10);
  CHECK(count(out, "::warning ") == 10);
  CHECK(out.find("finding 9\n") != std::string::npos);
  CHECK(out.find("finding 10\n") == std::string::npos);
  CHECK(out.find("deploysim lint: 15 errors and 2 warnings not annotated") != std::string::npos);
}

TEST_CASE("the caps count earlier commands of the same step, restart in the next, and stop at 50 a job") {
  // Given the job's RUNNER_TEMP, when three commands of one step write 4 errors each, then 10 show.
  testsupport::TempDir temp;
  GithubEnvironment github{true, "", "", temp.path().string(), "lint"};
  int shown = 0;
  for (int i = 0; i < 3; ++i) shown += count(written(github, annotations(AnnotationLevel::error, 4)), "::error ");
  CHECK(shown == 10);
  // Six more steps of 10 errors each: the job stops at 50 in all.
  for (int step = 0; step < 6; ++step) {
    github.step = "step" + std::to_string(step);
    shown += count(written(github, annotations(AnnotationLevel::error, 10)), "::error ");
  }
  CHECK(shown == 50);
}

TEST_CASE("the step summary and outputs are appended to the files GitHub names") {
  testsupport::TempDir temp;
  const std::string summary = temp.write("summary.md", "# before\n");
  const std::string output = temp.write("output", "");
  const GithubEnvironment github{true, summary, output, "", ""};
  harness::ci::append_step_summary(github, "| a |\n");
  harness::ci::set_step_output(github, "errors", "2");
  std::ifstream s(summary), o(output);
  std::stringstream summary_text, output_text;
  summary_text << s.rdbuf();
  output_text << o.rdbuf();
  CHECK(summary_text.str() == "# before\n| a |\n");
  CHECK(output_text.str() == "errors=2\n");
}
