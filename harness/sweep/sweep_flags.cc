#include "harness/sweep/sweep_flags.h"

#include <filesystem>

#include "harness/readers/source_text.h"
#include "harness/scenario/document.h"
#include "harness/scenario/scenario_error.h"
#include "harness/sweep/sweep_reader.h"

namespace harness::sweep {
namespace {

using scenario::ScenarioError;

constexpr const char* kAxisShape = "[NAME=]POINTER:v1,v2,... or [NAME=]POINTER:FROM..TO[/STEP]";
constexpr const char* kFaultShape = "NAME=POINTER=VALUE";

std::string flag_label(const char* flag, std::string_view text) {
  return std::string("sweep: ") + flag + " " + nlohmann::json(std::string(text)).dump();
}

// A value as written on the command line: JSON when it parses as JSON (30, 0.5, true, [1, 2]),
// else the text as a string, which the reader then accepts or rejects in its own words.
nlohmann::json flag_value(std::string_view text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(std::string(text)) : value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

nlohmann::json range_from_flag(std::string_view values) {
  const std::size_t dots = values.find("..");
  const std::string_view from = values.substr(0, dots), rest = values.substr(dots + 2);
  const std::size_t slash = rest.find('/');
  const std::string_view to = rest.substr(0, slash);
  const nlohmann::json step = slash == std::string_view::npos ? nlohmann::json(1) : flag_value(rest.substr(slash + 1));
  return {{"from", flag_value(from)}, {"to", flag_value(to)}, {"step", step}};
}

// The faults of --fault flags, one class per NAME in the order first named; `first_flag` gets,
// per class, the index of the flag that named it first (for messages).
nlohmann::json faults_from_flags(const std::vector<std::string>& flags, std::vector<std::size_t>& first_flag) {
  nlohmann::json faults = nlohmann::json::array();
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const std::string_view flag = flags[i];
    const std::size_t name_end = flag.find('=');
    const std::size_t pointer_end = name_end == std::string_view::npos ? name_end : flag.find('=', name_end + 1);
    if (name_end == 0 || pointer_end == std::string_view::npos || flag[name_end + 1] != '/')
      throw ScenarioError(flag_label("--fault", flag), "", kFaultShape, "no name, pointer and value");
    const std::string name(flag.substr(0, name_end));
    const std::string pointer(flag.substr(name_end + 1, pointer_end - name_end - 1));
    std::size_t c = 0;
    while (c < faults.size() && faults[c]["name"] != name) ++c;
    if (c == faults.size()) {
      faults.push_back({{"name", name}, {"set", nlohmann::json::object()}});
      first_flag.push_back(i);
    }
    faults[c]["set"][pointer] = flag_value(flag.substr(pointer_end + 1));
  }
  return faults;
}

bool is_sweep_file(const nlohmann::json& root) {
  return root.is_object() && (root.contains("axes") || root.contains("scenario"));
}

// The flag an error of the reader is about, from the JSON pointer it names; "" when it is about
// the sweep file's own content.
std::string flag_of(const std::string& pointer, const SweepFlags& flags, const std::vector<std::size_t>& first_fault_flag) {
  const auto index_after = [&](const std::string& prefix) -> std::optional<std::size_t> {
    if (pointer.rfind(prefix, 0) != 0) return std::nullopt;
    return std::stoul(pointer.substr(prefix.size()));
  };
  if (!flags.axes.empty()) {
    if (const auto i = index_after("/axes/")) return flag_label("--axis", flags.axes[*i]);
    if (pointer == "/axes") return "sweep: --axis";
  }
  if (!flags.faults.empty())
    if (const auto i = index_after("/population/faults/")) return flag_label("--fault", flags.faults[first_fault_flag[*i]]);
  if (flags.bad_percent && (pointer == "/population/badPercent" || pointer == "/population/faults"))
    return "sweep: --bad-percent " + nlohmann::json(*flags.bad_percent).dump();
  return "";
}

}  // namespace

nlohmann::json axis_from_flag(std::string_view flag) {
  std::string_view rest = flag;
  nlohmann::json axis = nlohmann::json::object();
  if (!rest.empty() && rest[0] != '/') {
    const std::size_t equals = rest.find('=');
    if (equals == std::string_view::npos) throw ScenarioError(flag_label("--axis", flag), "", kAxisShape, "no pointer");
    axis["name"] = std::string(rest.substr(0, equals));
    rest = rest.substr(equals + 1);
  }
  const std::size_t colon = rest.rfind(':');
  if (rest.empty() || rest[0] != '/' || colon == std::string_view::npos)
    throw ScenarioError(flag_label("--axis", flag), "", kAxisShape,
                        rest.empty() || rest[0] != '/' ? "no pointer" : "no values");
  axis["pointer"] = std::string(rest.substr(0, colon));
  const std::string_view values = rest.substr(colon + 1);
  if (values.find("..") != std::string_view::npos) {
    axis["range"] = range_from_flag(values);
  } else {
    axis["values"] = nlohmann::json::array();
    for (const std::string_view value : split(values, ',')) axis["values"].push_back(flag_value(value));
  }
  return axis;
}

SweepSpec read_sweep(const std::string& file, const SweepFlags& flags) {
  // YAML too: the base may be a CloudFormation template (harness/readers).
  const readers::SourcePtr document = readers::SourceText::from_file(file);
  nlohmann::json sweep;
  if (is_sweep_file(document->root())) {
    if (!flags.any()) return read_sweep_file(file, flags.read);
    read_sweep_file(file, flags.read);  // the file's own mistakes, reported at their places
    sweep = document->root();
  } else {
    if (flags.axes.empty())
      throw ScenarioError("sweep: " + file, "", "a sweep file (scenarios/sweeps/README.md), or a base scenario and --axis",
                          "a scenario without --axis");
    const std::filesystem::path path(file);
    sweep = {{"name", path.stem().string() + "-sweep"}, {"scenario", path.filename().string()}};
  }
  if (!flags.axes.empty()) {
    sweep["axes"] = nlohmann::json::array();
    for (const std::string& flag : flags.axes) sweep["axes"].push_back(axis_from_flag(flag));
  }
  std::vector<std::size_t> first_fault_flag;
  if (!flags.faults.empty()) sweep["population"]["faults"] = faults_from_flags(flags.faults, first_fault_flag);
  if (flags.bad_percent) sweep["population"]["badPercent"] = *flags.bad_percent;
  const std::string name = file + " with command-line flags";
  try {
    return read_sweep_json(sweep, name, std::filesystem::path(file).parent_path(), flags.read);
  } catch (const ScenarioError& e) {
    if (e.file != name) throw;  // the base scenario's own error, at its place
    const std::string flag = flag_of(e.json_pointer, flags, first_fault_flag);
    if (flag.empty()) throw ScenarioError(name, e.json_pointer, e.expected, e.found);
    throw ScenarioError(flag, "", e.expected, e.found);
  }
}

}  // namespace harness::sweep
