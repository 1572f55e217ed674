#include "harness/sweep/sweep_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "harness/readers/config_input.h"
#include "harness/scenario/document.h"
#include "harness/scenario/json_reader.h"
#include "harness/scenario/position_index.h"
#include "harness/sweep/scenario_variant.h"
#include "sim/engine/rng.h"

namespace harness::sweep {
namespace {

using scenario::IgnoredFields;
using scenario::IntRange;
using scenario::Node;
using scenario::ObjectReader;
using scenario::UnknownKeys;

constexpr int kMaxValuesPerAxis = 1000;

// A JSON number within [min, max] (fractions allowed), as "a number 0-100".
double as_number(const Node& node, double min, double max, const std::string& what) {
  if (!node.json().is_number() || node.json().get<double>() < min ||
      node.json().get<double>() > max)
    node.fail(what);
  return node.json().get<double>();
}

// A factor such as 1.5 as whole permille (1500).
int as_permille(const Node& node) {
  return static_cast<int>(std::lround(as_number(node, 0.001, 1000, "a factor 0.001-1000") * 1000));
}

// [low, high] seconds with low <= high, as whole milliseconds.
std::pair<sim::Millis, sim::Millis> as_seconds_pair(const Node& node) {
  const std::vector<Node> bounds = node.as_array();
  if (bounds.size() != 2) node.fail("[low, high] in seconds");
  const sim::Millis low = bounds[0].as_seconds();
  const sim::Millis high = bounds[1].as_seconds();
  if (high < low) bounds[1].fail("a number of seconds >= the low bound");
  return {low, high};
}

// 0.30000000000000004 as 0.3: range values keep 12 significant digits, so that labels and
// columns read as the user wrote the range.
nlohmann::json decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", value);
  return nlohmann::json::parse(text);
}

std::string last_token(const std::string& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

// Axis and fault names head CSV columns ("p_rollback_serves-5xx") and HTML table cells, which
// are split at commas.
bool column_safe(const std::string& name) {
  return !name.empty() && std::none_of(name.begin(), name.end(), [](char c) {
    return c == ',' || c == '"' || static_cast<unsigned char>(c) < 0x20;
  });
}

constexpr const char* kColumnName = "a name without commas, quotes or control characters (it heads a CSV column)";

std::string as_column_name(const Node& node) {
  std::string name = node.as_name();
  if (!column_safe(name)) node.fail(kColumnName);
  return name;
}

class SweepReader {
 public:
  SweepReader(const scenario::Document& document, IgnoredFields& ignored, const readers::ReadOptions& read)
      : root_(Node(document, document.root(), "", ignored).as_object(UnknownKeys::reject)),
        base_dir_(document.base_dir()),
        read_(read) {
    spec_.file = document.name();
  }

  SweepSpec read() {
    root_.declare({"name", "description", "scenario", "seed", "runsPerCell", "falseRollbackBudgetPercent", "axes",
                   "population"});
    root_.finish();
    spec_.name = root_.value_or("name", spec_.name, [](const Node& n) { return n.as_name(); });
    spec_.description = root_.string_or("description", "");
    spec_.seed = root_.value_or("seed", spec_.seed, [](const Node& n) { return n.as_uint64(); });
    spec_.runs_per_cell = root_.int_or("runsPerCell", spec_.runs_per_cell, {1, 1000000});
    if (const std::optional<Node> budget = root_.get("falseRollbackBudgetPercent"))
      spec_.false_rollback_budget_ppm = std::llround(as_number(*budget, 0, 100, "a percentage 0-100") * 10000);
    read_base_scenario(root_.required("scenario"));
    for (const Node& axis : root_.required("axes").as_array()) read_axis(axis);
    if (spec_.axes.empty() && spec_.skipped_axes.empty()) root_.required("axes").fail("at least one axis");
    if (const std::optional<Node> population = root_.get("population")) read_population(*population);
    return std::move(spec_);
  }

 private:
  void read_base_scenario(const Node& node) {
    spec_.scenario_file = node.as_name();
    spec_.scenario_path = base_dir_ / spec_.scenario_file;
    scenario::ReadFailure failure;
    const std::optional<std::string> text = scenario::read_text_file(spec_.scenario_path, failure);
    if (!text)
      node.fail(failure.expected + " (the base scenario, relative to the sweep file)",
                node.json().dump() + ": " + failure.found);
    spec_.scenario_text = *text;
    // A Terraform plan, template, ecspresso config or live export is swept as the scenario
    // `deploysim init` writes from it (harness/readers).
    if (std::filesystem::is_directory(spec_.scenario_path) || readers::is_config_input(spec_.scenario_path.string(), read_)) {
      readers::ConfigInput input = readers::load_config_input({spec_.scenario_path.string()}, read_);
      spec_.scenario_json = input.built.scenario;
      spec_.scenario_text = spec_.scenario_json.dump(2);
      base_ = std::move(input.loaded);
      return;
    }
    // The loader reports a broken base with its own file:line:col.
    base_ = scenario::load_scenario_file(spec_.scenario_path.string());
    spec_.scenario_json = nlohmann::json::parse(*text);
    refuse_steady_state(node);
  }

  // A sweep judges deploys: how often bad ones roll back, how fast good ones complete. A
  // steady-state run has no deploy to judge (ecs-rules §12.5); a timeline's deploy under test is
  // its last deploying UpdateService, and axes reach the timeline by pointer (/timeline/1/atSeconds).
  void refuse_steady_state(const Node& node) const {
    if (!base_.scenario.deploy.none) return;
    node.fail("a base scenario with a deploy to judge (" + spec_.scenario_file +
                  " is a steady-state run, \"deploy\": \"none\"; a sweep rolls deploys out and judges them: give it "
                  "a deploy or a deploying timeline call, or compare settings with `deploysim run --seeds`)",
              node.json().dump());
  }

  // Loads the base with `changes`; a rejected value is reported at `value_nodes[i]` of the sweep
  // file, with the loader's expectation and the pointer it concerns. A pointer that leads nowhere
  // is reported at `pointer_node` (an axis's "pointer"), or at the key of its value (a fault's
  // "set" member) when there is none.
  scenario::Loaded check_changes(const std::vector<SettingChange>& changes,
                                 const std::vector<Node>& value_nodes,
                                 const std::optional<Node>& pointer_node = std::nullopt) {
    try {
      return load_variant(spec_, changes);
    } catch (const ChangeError& e) {
      if (pointer_node) pointer_node->fail(e.expected);
      value_nodes[e.change].fail_key(e.expected);
    } catch (const scenario::ScenarioError& e) {
      const Node& at = value_nodes.size() == 1 ? value_nodes[0] : value_nodes[index_of(changes, e.json_pointer)];
      at.fail(e.expected + " (for " + e.json_pointer + " of " + spec_.scenario_file + ")", e.found);
    }
  }

  static std::size_t index_of(const std::vector<SettingChange>& changes, const std::string& pointer) {
    for (std::size_t i = changes.size(); i-- > 0;)
      if (pointer.rfind(changes[i].pointer, 0) == 0 || changes[i].pointer.rfind(pointer, 0) == 0) return i;
    return 0;
  }

  // An axis's values: a list of numbers or booleans, or {"from", "to", "step"}.
  std::vector<std::pair<nlohmann::json, Node>> read_values(ObjectReader& axis) {
    std::vector<std::pair<nlohmann::json, Node>> values;
    const std::optional<Node> list = axis.get("values");
    const std::optional<Node> range = axis.get("range");
    if (list.has_value() == range.has_value())
      axis.node().fail("an axis with either \"values\" or \"range\"", list ? "both" : "neither");
    if (list) {
      for (const Node& value : list->as_array()) {
        if (!value.json().is_number() && !value.json().is_boolean()) value.fail("a number or true/false");
        values.emplace_back(value.json(), value);
      }
      if (values.empty()) list->fail("at least one value");
    } else {
      ObjectReader r = range->as_object(UnknownKeys::reject);
      const Node from = r.required("from"), to = r.required("to"), step = r.required("step");
      r.finish();
      const double a = as_number(from, -1e12, 1e12, "a number");
      const double b = as_number(to, a, 1e12, "a number >= from");
      const double d = as_number(step, 1e-9, 1e12, "a number > 0");
      const bool integers = from.json().is_number_integer() && step.json().is_number_integer();
      for (int i = 0; a + i * d <= b + d * 1e-9; ++i) {
        if (i >= kMaxValuesPerAxis) range->fail("at most " + std::to_string(kMaxValuesPerAxis) + " values");
        values.emplace_back(integers ? nlohmann::json(from.json().get<std::int64_t>() +
                                                      i * step.json().get<std::int64_t>())
                                     : decimal(a + i * d),
                            *range);
      }
    }
    return values;
  }

  // What the base holds at `pointer` when it is no numeric or boolean setting (an object, an
  // array, a name); nullopt when it is one, a string of digits ("cpu": "256"), or not there yet
  // (a bakeTimeInMinutes the base leaves at its default: set_at_pointer adds it).
  std::optional<std::string> not_a_setting(const std::string& pointer) const {
    const nlohmann::json* at = nullptr;
    try {
      const nlohmann::json::json_pointer p(pointer);
      if (spec_.scenario_json.contains(p)) at = &spec_.scenario_json.at(p);
    } catch (const nlohmann::json::exception&) {
      return std::nullopt;  // set_at_pointer says what is wrong with it
    }
    if (!at || at->is_number() || at->is_boolean()) return std::nullopt;
    if (at->is_string() && !at->get_ref<const std::string&>().empty() &&
        at->get_ref<const std::string&>().find_first_not_of("0123456789") == std::string::npos)
      return std::nullopt;
    return at->is_object() ? "an object" : at->is_array() ? "an array" : at->is_null() ? "null" : "a string";
  }

  void read_axis(const Node& node) {
    ObjectReader axis = node.as_object(UnknownKeys::reject);
    const Node pointer = axis.required("pointer");
    Axis out;
    out.pointer = pointer.as_name();
    if (out.pointer[0] != '/') pointer.fail("a JSON pointer into the scenario such as \"/service/desiredCount\"");
    if (const std::optional<std::string> held = not_a_setting(out.pointer))
      pointer.fail("a pointer to a numeric or boolean field of " + spec_.scenario_file,
                   pointer.json().dump() + ", which holds " + *held);
    out.name = axis.value_or("name", last_token(out.pointer), as_column_name);
    if (!column_safe(out.name)) pointer.fail(std::string("a pointer whose last token is ") + kColumnName + ", or a \"name\"");
    const bool skip_unmodelled = axis.value_or("ifNotModelled", false, [](const Node& n) {
      return n.as_choice<bool>({{"error", false}, {"skip", true}});
    });
    const auto values = read_values(axis);
    axis.finish();
    for (const auto& [value, at] : values) {
      const scenario::Loaded loaded = check_changes({{out.pointer, value}}, {at}, pointer);
      out.values.push_back(value);
      if (!modelled(loaded, out.pointer)) {
        if (skip_unmodelled) {
          spec_.skipped_axes.push_back({out.name, out.pointer, {}});
          for (const auto& v : values) spec_.skipped_axes.back().values.push_back(v.first);
          return;
        }
        pointer.fail("a setting deploysim models (this one the loader lists as ignored; "
                     "\"ifNotModelled\": \"skip\" leaves the axis out and says so)");
      }
    }
    for (const Axis& other : spec_.axes)
      if (other.pointer == out.pointer) pointer.fail("a pointer no other axis sweeps");
    spec_.axes.push_back(std::move(out));
  }

  // False when the loader accepted `pointer` (or an object holding it) only to list it as ignored.
  static bool modelled(const scenario::Loaded& loaded, const std::string& pointer) {
    return std::none_of(loaded.ignored.begin(), loaded.ignored.end(), [&](const std::string& label) {
      return pointer == label || pointer.rfind(label + "/", 0) == 0;
    });
  }

  void read_population(const Node& node) {
    ObjectReader population = node.as_object(UnknownKeys::reject);
    Population& out = spec_.population;
    if (const std::optional<Node> bad = population.get("badPercent"))
      out.bad_ppm = std::llround(as_number(*bad, 0, 100, "a percentage 0-100") * 10000);
    if (const std::optional<Node> faults = population.get("faults"))
      for (const Node& fault : faults->as_array()) out.faults.push_back(read_fault(fault));
    if (out.bad_ppm > 0 && out.faults.empty())
      population.required("faults").fail("at least one fault class when badPercent is above 0");
    if (const std::optional<Node> startup = population.get("startupScale")) out.startup = read_startup(*startup);
    if (const std::optional<Node> blips = population.get("dependencyBlips"))
      for (const Node& blip : blips->as_array()) out.blips.push_back(read_blip(blip));
    population.finish();
  }

  FaultClass read_fault(const Node& node) {
    ObjectReader reader = node.as_object(UnknownKeys::reject);
    FaultClass fault;
    fault.name = as_column_name(reader.required("name"));
    fault.weight = reader.int_or("weight", 1, {1, 1000000});
    std::vector<Node> values;
    const Node set = reader.required("set");
    for (const auto& [pointer, value] : set.as_members()) {
      if (pointer.empty() || pointer[0] != '/') value.fail_key("a JSON pointer into the scenario as the key");
      fault.changes.push_back({pointer, value.json()});
      values.push_back(value);
    }
    if (fault.changes.empty()) set.fail("at least one setting the fault changes");
    reader.finish();
    check_changes(fault.changes, values);
    return fault;
  }

  StartupScale read_startup(const Node& node) {
    using Kind = StartupScale::Kind;
    ObjectReader reader = node.as_object(UnknownKeys::reject);
    StartupScale scale;
    scale.kind = reader.required("distribution").as_choice<Kind>(
        {{"fixed", Kind::fixed}, {"uniform", Kind::uniform}, {"lognormal", Kind::lognormal}});
    if (scale.kind == Kind::uniform) {
      scale.low_permille = as_permille(reader.required("min"));
      const Node max = reader.required("max");
      scale.high_permille = as_permille(max);
      if (scale.high_permille < scale.low_permille) max.fail("a factor >= min");
    } else if (scale.kind == Kind::lognormal) {
      scale.median_permille = as_permille(reader.required("median"));
      const Node p95 = reader.required("p95");
      scale.p95_permille = as_permille(p95);
      if (scale.p95_permille < scale.median_permille) p95.fail("a factor >= median");
    }
    reader.finish();
    return scale;
  }

  DependencyBlip read_blip(const Node& node) {
    ObjectReader reader = node.as_object(UnknownKeys::reject);
    DependencyBlip blip;
    std::vector<std::string> names;
    for (const auto& dependency : base_.scenario.dependencies) names.push_back(dependency.name);
    const Node dependency = reader.required("dependency");
    if (names.empty()) dependency.fail("a dependency of the base scenario (it has none)");
    blip.dependency = names[dependency.as_reference(names, "dependencies of the scenario")];
    blip.chance_ppm = std::llround(as_number(reader.required("percent"), 0, 100, "a percentage 0-100") * 10000);
    std::tie(blip.at_min, blip.at_max) = as_seconds_pair(reader.required("atSeconds"));
    std::tie(blip.duration_min, blip.duration_max) = as_seconds_pair(reader.required("durationSeconds"));
    reader.finish();
    return blip;
  }

  ObjectReader root_;
  std::filesystem::path base_dir_;  // where "scenario" is found: the sweep file's directory
  const readers::ReadOptions& read_;  // how a base that is the user's configuration is read
  SweepSpec spec_;
  scenario::Loaded base_;
};

}  // namespace

namespace {

SweepSpec read_document(const scenario::Document& document, const std::string& sweep_text,
                        const readers::ReadOptions& read) {
  IgnoredFields ignored;
  SweepSpec spec = SweepReader(document, ignored, read).read();
  spec.fingerprint = sim::stream_name(sweep_text) ^ (sim::stream_name(spec.scenario_text) * 0x9e3779b97f4a7c15ULL);
  return spec;
}

}  // namespace

SweepSpec read_sweep_file(const std::string& path, const readers::ReadOptions& read) {
  const scenario::Document document = scenario::Document::from_file(path);
  std::string sweep_text;
  scenario::ReadFailure failure;
  if (const auto text = scenario::read_text_file(path, failure)) sweep_text = *text;
  return read_document(document, sweep_text, read);
}

SweepSpec read_sweep_json(const nlohmann::json& sweep, const std::string& name, const std::filesystem::path& base_dir,
                          const readers::ReadOptions& read) {
  const std::string text = sweep.dump(2);
  const scenario::Document document(name, text, base_dir);
  return read_document(document, text, read);
}

}  // namespace harness::sweep
