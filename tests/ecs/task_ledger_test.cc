// The task ledger: counts move with their tasks, stop candidates come in launch order, and a
// transition that would break a count is refused as a broken invariant.
#include <catch2/catch.hpp>

#include "sim/ecs/task_ledger.h"
#include "tests/support/manual_clock.h"

using sim::Millis;
using sim::ecs::StopCause;
using sim::ecs::TaskId;
using sim::ecs::TaskLedger;
using sim::ecs::TaskState;

namespace {

struct Fixture {
  testsupport::ManualClock clock;
  sim::RunContext run{42, clock};
  TaskLedger ledger{run};
  TaskId add(sim::ecs::DeploymentId d) { return ledger.add(d, 0, clock.now(), 1); }
  void on_timer(std::uint16_t, std::uint32_t, std::uint64_t) {}
};

}  // namespace

TEST_CASE("a new task is live and unhealthy in its deployment and in total") {
  // Given an empty ledger, when two tasks of deployment 1 and one of 0 are added, then the counts say so.
  Fixture f;
  f.add(1);
  f.add(1);
  f.add(0);
  CHECK(f.ledger.of(1).live == 2);
  CHECK(f.ledger.of(1).live_unhealthy == 2);
  CHECK(f.ledger.of(1).not_stopped == 2);
  CHECK(f.ledger.of(0).live == 1);
  CHECK(f.ledger.live() == 3);
  CHECK(f.ledger.healthy() == 0);
  f.ledger.audit();
}

TEST_CASE("counting a task healthy moves it between the health classes once") {
  // Given a live task, when it is counted healthy twice, then the second call changes nothing.
  Fixture f;
  const TaskId id = f.add(0);
  CHECK(f.ledger.set_counted_healthy(id, true));
  CHECK_FALSE(f.ledger.set_counted_healthy(id, true));
  CHECK(f.ledger.of(0).healthy() == 1);
  CHECK(f.ledger.healthy() == 1);
  CHECK(f.ledger[id].ever_healthy);
  CHECK(f.ledger.set_counted_healthy(id, false));
  CHECK(f.ledger.healthy() == 0);
  CHECK(f.ledger[id].ever_healthy);
  f.ledger.audit();
}

TEST_CASE("a task stops only after it left the live set, and counts as stopped once") {
  // Given a live task, when it leaves the live set and is reported STOPPED, then not_stopped drops by one.
  Fixture f;
  const TaskId id = f.add(0);
  REQUIRE_THROWS_AS(f.ledger.set_state(id, TaskState::stopped), sim::InvariantViolation);
  Fixture g;
  const TaskId other = g.add(0);
  g.ledger.leave_live(other);
  CHECK(g.ledger.of(0).live == 0);
  CHECK(g.ledger.of(0).not_stopped == 1);
  g.ledger.set_state(other, TaskState::stopping);
  g.ledger.set_state(other, TaskState::stopped);
  CHECK(g.ledger.of(0).not_stopped == 0);
  REQUIRE_THROWS_AS(g.ledger.set_state(other, TaskState::stopped), sim::InvariantViolation);
  (void)id;
}

TEST_CASE("a task counted healthy cannot leave the live set without being uncounted first") {
  // Given a healthy task, when it leaves the live set while still counted, then the invariant breaks
  // and the message names the seed and the simulated time.
  Fixture f;
  const TaskId id = f.add(0);
  f.ledger.set_counted_healthy(id, true);
  f.clock.advance_to(Millis{75'500}, f);
  try {
    f.ledger.leave_live(id);
    FAIL("no invariant broke");
  } catch (const sim::InvariantViolation& e) {
    const std::string what = e.what();
    CHECK(what.find("task 0 leaves the live set once") != std::string::npos);
    CHECK(what.find("seed 42, simulated time 00:01:15.500") != std::string::npos);
  }
}

TEST_CASE("stop candidates come oldest first, skipping tasks that changed class or left") {
  // Given tasks 0..3 of one deployment, 1 healthy and 2 gone, when candidates are taken, then 0 then 3
  // are the unhealthy ones and 1 the healthy one.
  Fixture f;
  for (int i = 0; i < 4; ++i) f.add(0);
  f.ledger.set_counted_healthy(1, true);
  f.ledger.leave_live(2);
  CHECK(f.ledger.take_stop_candidate(0, false, false) == TaskId{0});
  CHECK(f.ledger.take_stop_candidate(0, false, false) == TaskId{3});
  CHECK_FALSE(f.ledger.take_stop_candidate(0, false, false).has_value());
  CHECK(f.ledger.take_stop_candidate(0, true, false) == TaskId{1});
  CHECK_FALSE(f.ledger.take_stop_candidate(7, true, false).has_value());
}

TEST_CASE("starting own-revision replacements are passed over and keep their place") {
  // Given tasks 0 and 1, 0 a starting replacement, when candidates skip replacements, then 1 comes
  // first and 0 is still there for a later call that does not skip them.
  Fixture f;
  f.add(0);
  f.add(0);
  f.ledger.mark_own_replacement(0);
  CHECK(f.ledger.of(0).own_replacements_starting == 1);
  CHECK(f.ledger.take_stop_candidate(0, false, true) == TaskId{1});
  CHECK(f.ledger.take_stop_candidate(0, false, false) == TaskId{0});
  f.ledger.settle_own_replacement(0);
  f.ledger.settle_own_replacement(0);
  CHECK(f.ledger.of(0).own_replacements_starting == 0);
}

TEST_CASE("a lingering task is counted until its lingering ends") {
  // Given a task that left the live set, when it lingers and is then taken, then the lingering
  // count rises and falls and a second end changes nothing.
  Fixture f;
  const TaskId id = f.add(0);
  f.ledger.leave_live(id);
  f.ledger.start_lingering(id, StopCause::elb_health_check_failed);
  CHECK(f.ledger.lingering() == 1);
  CHECK(f.ledger.of(0).lingering == 1);
  CHECK(f.ledger.take_lingering(0) == id);
  CHECK(f.ledger.end_lingering(id));
  CHECK_FALSE(f.ledger.end_lingering(id));
  CHECK(f.ledger.lingering() == 0);
  f.ledger.audit();
}

TEST_CASE("a task that could not be placed is taken back as if never added") {
  // Given one placed task, when a second is added and retracted, then counts and ids are as before.
  Fixture f;
  f.add(0);
  f.add(0);
  f.ledger.retract_last();
  CHECK(f.ledger.size() == 1);
  CHECK(f.ledger.of(0).live == 1);
  CHECK(f.ledger.take_stop_candidate(0, false, false) == TaskId{0});
  CHECK_FALSE(f.ledger.take_stop_candidate(0, false, false).has_value());
  f.ledger.audit();
}

TEST_CASE("audit finds a count that was changed behind the ledger's back") {
  // Given a consistent ledger, when a record's flag is flipped directly, then audit reports it.
  Fixture f;
  const TaskId id = f.add(0);
  f.ledger.audit();
  f.ledger.record(id).live = false;
  REQUIRE_THROWS_AS(f.ledger.audit(), sim::InvariantViolation);
}
