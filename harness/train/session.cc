#include "harness/train/session.h"

#include <algorithm>
#include <sstream>

#include "harness/explain/counterfactuals.h"
#include "harness/report/config_rows.h"
#include "harness/report/run_report.h"
#include "harness/train/predictions.h"
#include "harness/train/replay.h"
#include "harness/train/scenario_diff.h"
#include "sim/simulation.h"

namespace harness::train {
namespace {

using sim::model::Scenario;

struct Score {
  int right = 0;
  int asked = 0;
};

std::string outcome_words(const sim::observe::RunResult& r) {
  std::string s(sim::observe::to_string(r.outcome));
  if (r.metrics.time_to_outcome) s += " " + sim::format_seconds(*r.metrics.time_to_outcome) + " after the deploy";
  // A steady-state run has no deployment to end: what its faults cost is the figure (§12.5).
  if (r.outcome == sim::observe::Outcome::steady_state)
    s += ", " + sim::format_seconds(r.metrics.below_desired_healthy) + " below desired healthy capacity";
  return s;
}

// Whether a replayed fix ended well: the deploy completed, or a steady-state service never ran
// below its desired healthy count.
bool ended_well(const sim::observe::RunResult& r) {
  return r.outcome == sim::observe::Outcome::completed ||
         (r.outcome == sim::observe::Outcome::steady_state && r.metrics.below_desired_healthy == sim::Millis{0});
}

// What the new image does (in a steady-state run, the running one), from its app profile: the
// facts a trainee reasons from.
void print_app(Console& c, const Scenario& s) {
  const int shown = s.deploy.none ? s.initial_task_definition : s.deploy.to_task_definition;
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(shown));
  for (const auto& container : td.containers) {
    const auto& app = s.apps.at(container.image);
    c.out() << "  image " << container.image << ":";
    for (const auto& phase : app.phases) {
      c.out() << " [" << phase.name << ", " << sim::format_seconds(phase.duration);
      for (const auto& r : phase.reads) c.out() << ", reads " << r;
      for (const auto& d : phase.connects_to) c.out() << ", needs " << d;
      c.out() << "]";
    }
    int peak = 64;
    for (const auto& p : app.memory) peak = std::max(peak, p.mib);
    c.out() << "; memory up to " << peak << " MiB" << (app.leak_mib_per_hour ? " and leaking" : "") << "; listens on "
            << app.bind_address << ":" << app.port << "\n";
  }
}

void print_setup(Console& c, const Scenario& s, const sim::observe::RunResult& r, const sim::observe::Trace& trace,
                 int threshold) {
  c.out() << c.paint("Setup", Tone::title) << "\n";
  std::ostringstream setup;
  report::print_setup(setup, {s, r, trace, threshold});
  c.out() << setup.str();
  if (s.deploy.none) {
    c.out() << "No deployment: the service runs its revision through these faults:\n";
    for (const auto& f : s.faults) {
      const std::string kind = f.kind == sim::model::FaultKind::az_lost           ? "Availability Zone lost"
                               : f.kind == sim::model::FaultKind::dependency_outage ? "dependency down"
                                                                                    : "tasks killed";
      c.out() << "  " << sim::format_seconds(f.at) << ": " << kind << ": " << f.target
              << (f.duration.count() > 0 ? " for " + sim::format_seconds(f.duration) : "") << "\n";
    }
  } else {
    c.out() << "What the deploy changes:\n";
    for (const report::ConfigRow& row : report::config_rows(s, threshold, {}))
      if (row.changed_by_deploy) c.out() << "  " << row.setting << ": " << row.before << " -> " << row.after << "\n";
  }
  print_app(c, s);
}

// Asks until the answer names a choice; nullopt when the input ends.
std::optional<std::string> ask_question(Console& c, const Question& q, std::size_t number) {
  c.out() << "\n" << c.paint("Q" + std::to_string(number) + ". " + q.text, Tone::title) << "\n";
  for (const Choice& ch : q.choices) c.out() << "  " << ch.key << ") " << ch.words << "\n";
  std::string keys;
  for (const Choice& ch : q.choices) keys += (keys.empty() ? "" : "/") + ch.key;
  while (true) {
    const auto line = c.ask("your prediction (" + keys + "): ");
    if (!line) return std::nullopt;
    const std::string key = match_choice(q, *line);
    if (!key.empty()) return key;
    c.out() << "  please answer one of " << keys << "\n";
  }
}

void play_steps(Console& c, const std::vector<ReplayStep>& steps, std::size_t max_steps, bool with_rules) {
  bool pausing = true;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i == max_steps && steps.size() > max_steps + 3) {
      c.out() << c.paint("  ... " + std::to_string(steps.size() - max_steps - 3) + " more steps of the same kind ...",
                         Tone::dim) << "\n";
      i = steps.size() - 3;
    }
    const ReplayStep& st = steps[i];
    c.out() << "  " << sim::format_clock(st.at) << "  " << st.text << "\n";
    if (with_rules && !st.rule.empty()) {
      c.out() << c.paint("      rule: " + st.rule, Tone::rule) << "\n";
      if (pausing) pausing = c.pause();
    }
  }
}

Score score(Console& c, const std::vector<Question>& qs, const std::vector<std::string>& answers) {
  Score sc;
  c.out() << "\n" << c.paint("Your predictions", Tone::title) << "\n";
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const bool right = answers[i] == qs[i].answer;
    sc.right += right;
    ++sc.asked;
    std::string words;
    for (const Choice& ch : qs[i].choices)
      if (ch.key == qs[i].answer) words = ch.words;
    c.out() << "  Q" << i + 1 << " " << c.paint(right ? "right" : "wrong", right ? Tone::good : Tone::bad)
            << ": the answer is " << qs[i].answer << ") " << words << ". " << qs[i].why << "\n";
  }
  c.out() << "  Score: " << sc.right << " of " << sc.asked << "\n";
  return sc;
}

// Applies the change `explain` named (one candidate, or a pair joined by " + ").
bool apply_change(Scenario& s, const std::string& change) {
  const std::vector<explain::Candidate> all = explain::candidates(s);
  std::vector<const explain::Candidate*> picked;
  std::size_t start = 0;
  while (start <= change.size()) {
    std::size_t end = change.find(" + ", start);
    if (end == std::string::npos) end = change.size();
    const std::string part = change.substr(start, end - start);
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& cand) { return cand.change == part; });
    if (it == all.end()) return false;
    picked.push_back(&*it);
    start = end + 3;
  }
  for (const auto* cand : picked) cand->apply(s);
  return true;
}

void show_fix(Console& c, const Library& lib, const Incident& incident, const sim::observe::RunResult& before,
              std::size_t max_steps) {
  const LibraryEntry& e = lib.entries[incident.entry];
  Scenario fixed = e.scenario;
  c.out() << "\n" << c.paint("The fix", Tone::title) << "\n";
  if (incident.fix) {
    const LibraryEntry& f = lib.entries[*incident.fix];
    fixed = f.scenario;
    c.out() << "  The library's fixed twin: " << f.stem << ". It changes:\n";
    for (const std::string& line : scenario_changes(e.path, f.path)) c.out() << "    " << line << "\n";
  } else if (before.outcome == sim::observe::Outcome::steady_state) {
    c.out() << "  The library has no fixed twin, and a steady-state run has no outcome for explain to change: compare "
               "the settings its story names.\n";
    return;
  } else {
    const explain::WhatIf w = explain::what_if(e.scenario, explain::goals_for(before.outcome, true));
    const auto found = std::find_if(w.smallest.begin(), w.smallest.end(), [](const auto& t) { return t.has_value(); });
    if (found == w.smallest.end() || !apply_change(fixed, (*found)->change)) {
      c.out() << "  The library has no fixed twin, and no single change explain tries alters the outcome.\n";
      return;
    }
    c.out() << "  The library has no fixed twin; the smallest change explain finds: " << (*found)->change << "\n";
  }
  sim::Simulation simulation(fixed, {.trace = true});
  const sim::observe::RunResult after = simulation.run();
  c.out() << "  Replaying it:\n";
  play_steps(c, replay_steps(fixed, simulation.trace(), simulation.breaker_threshold()), max_steps / 2, false);
  c.out() << "  As it happened: " << outcome_words(before) << ". With the fix: "
          << c.paint(outcome_words(after), ended_well(after) ? Tone::good : Tone::bad)
          << ".\n";
}

// One incident, start to end; nullopt when the input ended before the predictions were made.
std::optional<Score> play_incident(Console& c, const Library& lib, std::size_t index, const SessionOptions& o) {
  const Incident& incident = lib.incidents[index];
  const LibraryEntry& e = lib.entries[incident.entry];
  const Scenario& s = e.scenario;
  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult result = simulation.run();
  const int threshold = simulation.breaker_threshold();
  c.out() << "\n" << c.paint("== Incident " + std::to_string(index + 1) + ": " + e.stem + " ==", Tone::title) << "\n";
  print_setup(c, s, result, simulation.trace(), threshold);
  const std::vector<Question> qs = questions_for(s, result, simulation.trace());
  std::vector<std::string> answers;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const auto a = ask_question(c, qs[i], i + 1);
    if (!a) return std::nullopt;
    answers.push_back(*a);
  }
  c.out() << "\n" << c.paint("Watch it happen", Tone::title) << "\n";
  play_steps(c, replay_steps(s, simulation.trace(), threshold), o.max_steps, true);
  const Score sc = score(c, qs, answers);
  if (!s.story.empty()) c.out() << "\n" << c.paint("What happened", Tone::title) << "\n  " << s.story << "\n";
  show_fix(c, lib, incident, result, o.max_steps);
  return sc;
}

// The menu: the incidents by number. Returns the chosen index, or nullopt to stop.
std::optional<std::size_t> choose(Console& c, const Library& lib) {
  c.out() << "\n" << c.paint("Incidents", Tone::title) << "\n";
  for (std::size_t i = 0; i < lib.incidents.size(); ++i)
    c.out() << "  " << (i + 1 < 10 ? " " : "") << i + 1 << "  " << lib.entries[lib.incidents[i].entry].stem << "\n";
  while (true) {
    const auto line = c.ask("pick an incident (number or name, q to quit): ");
    if (!line || *line == "q" || *line == "quit") return std::nullopt;
    if (const auto found = find_incident(lib, *line)) return found;
    c.out() << "  no incident " << *line << " in the list\n";
  }
}

}  // namespace

int run_session(const Library& lib, Console& c, const SessionOptions& o) {
  c.out() << c.paint("deploysim train", Tone::title)
          << ": predict how each deployment ends, then watch it happen and see the fix.\n";
  std::vector<std::size_t> chosen;
  for (const std::string& name : o.incidents) {
    const auto found = find_incident(lib, name);
    if (!found) {
      c.out() << "train: no incident \"" << name << "\" in the library\n";
      return 2;
    }
    chosen.push_back(*found);
  }
  Score total;
  for (std::size_t played = 0;; ++played) {
    std::optional<std::size_t> next;
    if (!o.incidents.empty())
      next = played < chosen.size() ? std::optional<std::size_t>(chosen[played]) : std::nullopt;
    else
      next = choose(c, lib);
    if (!next) break;
    const auto sc = play_incident(c, lib, *next, o);
    if (!sc) {
      c.out() << "(input ended: session stopped)\n";
      break;
    }
    total.right += sc->right;
    total.asked += sc->asked;
  }
  c.out() << "\n" << c.paint("Session score: " + std::to_string(total.right) + " of " + std::to_string(total.asked), Tone::title)
          << "\n";
  return 0;
}

}  // namespace harness::train
