#include "harness/ci/github_actions.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace harness::ci {
namespace {

constexpr int kPerStepAndLevel = 10;
constexpr int kPerJob = 50;

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

const char* command_name(AnnotationLevel level) {
  switch (level) {
    case AnnotationLevel::error: return "error";
    case AnnotationLevel::warning: return "warning";
    case AnnotationLevel::notice: return "notice";
  }
  return "error";
}

// What this job has annotated so far: "<step id> <errors> <warnings> <notices> <job total>" in
// $RUNNER_TEMP/deploysim-annotations; the step's counts restart when the step id changes.
struct AnnotationCounts {
  std::array<int, 3> step{};  // by AnnotationLevel
  int job = 0;

  static std::filesystem::path file(const GithubEnvironment& github) {
    return std::filesystem::path(github.runner_temp) / "deploysim-annotations";
  }

  static AnnotationCounts read(const GithubEnvironment& github) {
    AnnotationCounts counts;
    if (github.runner_temp.empty()) return counts;
    std::ifstream in(file(github));
    std::string step;
    AnnotationCounts stored;
    if (!(in >> step >> stored.step[0] >> stored.step[1] >> stored.step[2] >> stored.job)) return counts;
    counts.job = stored.job;
    if (step == github.step) counts.step = stored.step;
    return counts;
  }

  void write(const GithubEnvironment& github) const {
    if (github.runner_temp.empty()) return;
    std::ofstream(file(github)) << (github.step.empty() ? "-" : github.step) << " " << step[0] << " "
                                << step[1] << " " << step[2] << " " << job << "\n";
  }
};

std::string annotation_line(const Annotation& a) {
  std::string properties;
  const auto add = [&](const char* key, const std::string& value) {
    properties += (properties.empty() ? " " : ",") + std::string(key) + "=" + escape_command_property(value);
  };
  if (!a.file.empty()) add("file", a.file);
  if (a.line > 0) add("line", std::to_string(a.line));
  if (a.column > 0) add("col", std::to_string(a.column));
  if (!a.title.empty()) add("title", a.title);
  return "::" + std::string(command_name(a.level)) + properties + "::" + escape_command_data(a.message);
}

// "3 errors and 12 warnings"
std::string left_out_text(const std::array<int, 3>& left_out) {
  std::string text;
  for (std::size_t i = 0; i < left_out.size(); ++i) {
    if (left_out[i] == 0) continue;
    if (!text.empty()) text += " and ";
    text += std::to_string(left_out[i]) + " " + command_name(static_cast<AnnotationLevel>(i)) +
            (left_out[i] == 1 ? "" : "s");
  }
  return text;
}

void append_to(const std::string& path, const std::string& text) {
  if (path.empty()) return;
  std::ofstream out(path, std::ios::app);
  out << text;
  if (!out) throw std::runtime_error("cannot append to " + path);
}

}  // namespace

GithubEnvironment GithubEnvironment::from_environment() {
  return {environment("GITHUB_ACTIONS") == "true", environment("GITHUB_STEP_SUMMARY"),
          environment("GITHUB_OUTPUT"), environment("RUNNER_TEMP"), environment("GITHUB_ACTION")};
}

std::string escape_command_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_command_property(std::string_view text) {
  std::string out;
  for (const char c : escape_command_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

void write_annotations(std::ostream& out, const GithubEnvironment& github,
                       const std::vector<Annotation>& ranked, const std::string& command) {
  AnnotationCounts counts = AnnotationCounts::read(github);
  std::array<int, 3> left_out{};
  for (const Annotation& a : ranked) {
    const auto level = static_cast<std::size_t>(a.level);
    if (counts.step[level] >= kPerStepAndLevel || counts.job >= kPerJob) {
      ++left_out[level];
      continue;
    }
    out << annotation_line(a) << "\n";
    ++counts.step[level];
    ++counts.job;
  }
  counts.write(github);
  const std::string missing = left_out_text(left_out);
  if (!missing.empty())
    out << command << ": " << missing << " not annotated (GitHub shows " << kPerStepAndLevel
        << " of each per step and " << kPerJob << " per job); all are in the log above\n";
}

void begin_group(std::ostream& out, std::string_view title) {
  out << "::group::" << escape_command_data(title) << "\n";
}

void end_group(std::ostream& out) { out << "::endgroup::\n"; }

void append_step_summary(const GithubEnvironment& github, const std::string& markdown) {
  append_to(github.step_summary, markdown);
}

void set_step_output(const GithubEnvironment& github, std::string_view name, std::string_view value) {
  append_to(github.output, std::string(name) + "=" + std::string(value) + "\n");
}

}  // namespace harness::ci
