// harness/report/run_comparison: outcomes, milestone order and timing deltas of two runs.
#include <catch2/catch.hpp>
#include <sstream>

#include "harness/report/run_comparison.h"

namespace {

using sim::Millis;
using sim::observe::TraceEvent;
namespace observe = sim::observe;

void add_state(observe::Trace& trace, Millis at, std::uint32_t task, sim::ecs::TaskState s) {
  trace.add(at, observe::TaskStateChanged{task, 1, s});
}

void add_exit(observe::Trace& trace, Millis at, std::uint32_t task, int code, std::string detail) {
  trace.add(at, observe::ContainerExited{task, 1, 0, "app", code, observe::ContainerExitCause::by_itself, "",
                                         std::move(detail)});
}

// The simulated and real columns of the row named `name` in a printed comparison, as "S | R"
// (columns are two or more spaces apart).
std::string row_of(const std::string& printed, const std::string& name) {
  std::istringstream lines(printed);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  " + name + "  ", 0) != 0) continue;
    std::string rest = line.substr(name.size() + 2);
    std::vector<std::string> columns;
    std::size_t at = rest.find_first_not_of(' ');
    while (at != std::string::npos) {
      const std::size_t end = rest.find("  ", at);
      columns.push_back(rest.substr(at, end == std::string::npos ? std::string::npos : end - at));
      at = end == std::string::npos ? end : rest.find_first_not_of(' ', end);
    }
    return columns.size() == 2 ? columns[0] + " | " + columns[1] : "columns: " + std::to_string(columns.size());
  }
  return "no row " + name;
}

}  // namespace

TEST_CASE("runs with the same milestones agree, matched one for one, with their time deltas") {
  // Given a simulated and a real trace with the same milestones at shifted times (and different
  // free-text details), when compared, then all match in order and the deltas are measured.
  sim::observe::Trace simulated(true);
  sim::observe::Trace real(true);
  add_state(simulated, Millis{1000}, 1, sim::ecs::TaskState::running);
  simulated.add(Millis{1500}, observe::AppPhaseEntered{1, 1, 0, "load", false, {}});  // not a milestone
  add_exit(simulated, Millis{2000}, 1, 137, "memory reached the limit");
  add_state(real, Millis{1400}, 1, sim::ecs::TaskState::running);
  add_exit(real, Millis{2100}, 1, 137, "State.OOMKilled true");
  sim::observe::RunResult a;
  sim::observe::RunResult b;
  a.outcome = b.outcome = sim::observe::Outcome::rolled_back;

  const auto c = harness::report::compare_runs({a, simulated}, {b, real});

  CHECK(c.outcomes_agree);
  CHECK(c.simulated.size() == 2);
  REQUIRE(c.matched.size() == 2);
  CHECK(c.matched[0].delta == Millis{400});
  CHECK(c.matched[1].delta == Millis{100});
  CHECK(c.max_abs_delta == Millis{400});
}

TEST_CASE("a different exit code or outcome is a divergence, and the report names it") {
  // Given a real run whose container exited 1 where the simulated one was OOM-killed, and whose
  // outcome differs, when compared and printed, then the outcomes DIFFER and the first divergence
  // shows both sides.
  sim::observe::Trace simulated(true);
  sim::observe::Trace real(true);
  add_state(simulated, Millis{1000}, 1, sim::ecs::TaskState::running);
  add_exit(simulated, Millis{2000}, 1, 137, "oom");
  add_state(real, Millis{1000}, 1, sim::ecs::TaskState::running);
  add_exit(real, Millis{2000}, 1, 1, "crash");
  sim::observe::RunResult a;
  sim::observe::RunResult b;
  a.outcome = sim::observe::Outcome::rolled_back;
  b.outcome = sim::observe::Outcome::completed;

  const auto c = harness::report::compare_runs({a, simulated}, {b, real});
  std::ostringstream out;
  sim::model::Scenario scenario;
  harness::report::print_comparison(out, c, {a, simulated}, {b, real}, scenario);

  CHECK_FALSE(c.outcomes_agree);
  CHECK(c.matched.size() == 1);
  CHECK(out.str().find("first divergence after 1 shared milestones") != std::string::npos);
  CHECK(out.str().find("container exited 137") != std::string::npos);
  CHECK(out.str().find("container exited 1 ") != std::string::npos);
  CHECK(out.str().find("outcomes DIFFER: simulated ROLLED_BACK, real COMPLETED") != std::string::npos);
}

TEST_CASE("with traffic, the comparison puts the simulated latency beside the measured one") {
  // Given a simulated run whose apps answer in p50 20 ms / p99 80 ms and a real run that measured
  // p50 23.4 ms / p99 91.2 ms, when printed for a scenario with traffic, then both appear in rows;
  // and a run with no latency modelled says so rather than printing 0 ms.
  sim::observe::Trace simulated(true);
  sim::observe::Trace real(true);
  sim::observe::RunResult a;
  sim::observe::RunResult b;
  a.metrics.requests = b.metrics.requests = 100;
  a.metrics.latency_p50_micros = 20'000;
  a.metrics.latency_p99_micros = 80'000;
  b.metrics.latency_p50_micros = 23'400;
  b.metrics.latency_p99_micros = 91'200;
  const sim::model::Scenario scenario = [] {
    sim::model::Scenario s;
    s.traffic = sim::model::TrafficConfig{100};
    return s;
  }();

  const auto c = harness::report::compare_runs({a, simulated}, {b, real});
  std::ostringstream out;
  harness::report::print_comparison(out, c, {a, simulated}, {b, real}, scenario);
  CHECK(row_of(out.str(), "latency p50") == "20.0 ms | 23.4 ms");
  CHECK(row_of(out.str(), "latency p99") == "80.0 ms | 91.2 ms");

  a.metrics.latency_p50_micros = a.metrics.latency_p99_micros = 0;
  std::ostringstream unmodelled;
  harness::report::print_comparison(unmodelled, c, {a, simulated}, {b, real}, scenario);
  CHECK(row_of(unmodelled.str(), "latency p50") == "not simulated | 23.4 ms");
}
