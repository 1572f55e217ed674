#include "sim/engine/event_queue.h"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "sim/engine/rng.h"

namespace sim {
namespace {

TimerId schedule_at(EventQueue& q, Millis at, std::uint32_t subject) {
  return q.schedule(at, EventOwner::world, 0, subject, 0);
}

// Pops everything left and returns the subjects in pop order.
std::vector<std::uint32_t> drain_subjects(EventQueue& q) {
  std::vector<std::uint32_t> subjects;
  Event e;
  while (q.pop(e)) subjects.push_back(e.subject);
  return subjects;
}

TEST_CASE("events at the same time pop in the order they were scheduled") {
  // Given five events scheduled for one instant, when the queue is drained, then they come out
  // first-scheduled first (DESIGN.md: order is total and deterministic).
  EventQueue q;
  for (std::uint32_t s = 1; s <= 5; ++s) schedule_at(q, seconds(10), s);
  CHECK(drain_subjects(q) == std::vector<std::uint32_t>{1, 2, 3, 4, 5});
}

TEST_CASE("events pop in time order whatever the scheduling order") {
  // Given events scheduled out of time order, when the queue is drained, then the earliest comes
  // first and ties keep their scheduling order.
  EventQueue q;
  schedule_at(q, seconds(30), 30);
  schedule_at(q, seconds(10), 10);
  schedule_at(q, seconds(20), 20);
  schedule_at(q, seconds(10), 11);
  schedule_at(q, Millis{0}, 0);
  CHECK(drain_subjects(q) == std::vector<std::uint32_t>{0, 10, 11, 20, 30});
}

TEST_CASE("a cancelled event never pops and the others are unaffected") {
  // Given three events, when the middle one is cancelled, then only the other two pop, in order.
  EventQueue q;
  schedule_at(q, seconds(1), 1);
  const TimerId middle = schedule_at(q, seconds(2), 2);
  schedule_at(q, seconds(3), 3);
  q.cancel(middle);
  CHECK(drain_subjects(q) == std::vector<std::uint32_t>{1, 3});
}

TEST_CASE("cancelling twice, after the event ran, or with no timer is harmless") {
  // Given an event that already ran and one cancelled twice, when more events are scheduled,
  // then those new events still pop (a stale cancel never hits a later event).
  EventQueue q;
  const TimerId ran = schedule_at(q, seconds(1), 1);
  Event e;
  REQUIRE(q.pop(e));
  q.cancel(ran);
  q.cancel(kNoTimer);
  const TimerId twice = schedule_at(q, seconds(2), 2);
  q.cancel(twice);
  q.cancel(twice);
  schedule_at(q, seconds(3), 3);
  schedule_at(q, seconds(4), 4);
  CHECK(drain_subjects(q) == std::vector<std::uint32_t>{3, 4});
  CHECK(q.empty());
}

TEST_CASE("next_time skips cancelled events at the top of the queue") {
  // Given the two earliest events cancelled, when asking for the next time, then it is the time
  // of the earliest live event, and kNever once nothing live is left.
  EventQueue q;
  const TimerId a = schedule_at(q, seconds(1), 1);
  const TimerId b = schedule_at(q, seconds(2), 2);
  const TimerId c = schedule_at(q, seconds(5), 5);
  q.cancel(a);
  q.cancel(b);
  CHECK(q.next_time() == seconds(5));
  q.cancel(c);
  CHECK(q.next_time() == kNever);
  CHECK(q.empty());
}

// A slow, obviously correct agenda: std::multimap keeps equal keys in insertion order, which is
// exactly "by time, then scheduling order".
class ReferenceQueue {
 public:
  void schedule(TimerId id, Millis at, std::uint32_t subject) {
    by_id_[id] = events_.emplace(at, std::make_pair(id, subject));
  }
  void cancel(TimerId id) {
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    events_.erase(it->second);
    by_id_.erase(it);
  }
  Millis next_time() const { return events_.empty() ? kNever : events_.begin()->first; }
  bool pop(Millis& at, TimerId& id, std::uint32_t& subject) {
    if (events_.empty()) return false;
    const auto top = events_.begin();
    at = top->first;
    id = top->second.first;
    subject = top->second.second;
    by_id_.erase(id);
    events_.erase(top);
    return true;
  }

 private:
  using Events = std::multimap<Millis, std::pair<TimerId, std::uint32_t>>;
  Events events_;
  std::map<TimerId, Events::iterator> by_id_;
};

// Pops one event from both queues and requires the same one, or none from either.
std::optional<Event> pop_both(EventQueue& q, ReferenceQueue& ref) {
  Event e;
  Millis at;
  TimerId id = 0;
  std::uint32_t subject = 0;
  const bool popped = q.pop(e);
  REQUIRE(popped == ref.pop(at, id, subject));
  if (!popped) return std::nullopt;
  REQUIRE(e.at == at);
  REQUIRE(e.seq == id);
  REQUIRE(e.subject == subject);
  return e;
}

// Pops both queues to the end in the same order; they end empty together.
void drain_both(EventQueue& q, ReferenceQueue& ref) {
  Event e;
  Millis at;
  TimerId id = 0;
  std::uint32_t subject = 0;
  while (q.pop(e)) {
    REQUIRE(ref.pop(at, id, subject));
    REQUIRE(e.seq == id);
  }
  CHECK_FALSE(ref.pop(at, id, subject));
}

TEST_CASE("the heap pops in the same order as a multimap reference over 100000 random ops") {
  // Given a fixed seed, when 10^5 random schedule, cancel and pop operations run on both queues,
  // then every pop returns the same event and both end empty together.
  EventQueue q;
  ReferenceQueue ref;
  Rng rng(20240101);
  Millis now{0};
  std::vector<TimerId> issued;
  std::uint32_t next_subject = 0;
  for (int op = 0; op < 100'000; ++op) {
    const std::int64_t kind = rng.uniform_int(0, 9);
    if (kind < 5) {
      // Few distinct times, so ties between same-time events are common.
      const Millis at = now + Millis{rng.uniform_int(0, 20)};
      const TimerId id = q.schedule(at, EventOwner::controller, 0, next_subject, 0);
      ref.schedule(id, at, next_subject++);
      issued.push_back(id);
    } else if (kind < 7 && !issued.empty()) {
      // Any id ever issued, including ones already popped or cancelled.
      const TimerId id = issued[static_cast<std::size_t>(
          rng.uniform_int(0, static_cast<std::int64_t>(issued.size()) - 1))];
      q.cancel(id);
      ref.cancel(id);
    } else if (const std::optional<Event> e = pop_both(q, ref)) {
      now = e->at;
    }
  }
  drain_both(q, ref);
}

TEST_CASE("an event beside the heap pops where it would from the heap, over 100000 random ops") {
  // Given a fixed seed, when random schedule, cancel and pop operations run, one event in five
  // scheduled beside the heap whenever none waits there, then every pop matches the reference.
  EventQueue q;
  ReferenceQueue ref;
  Rng rng(20261205);
  Millis now{0};
  std::vector<TimerId> issued;
  TimerId beside = kNoTimer;  // the event waiting beside the heap, if any
  std::uint32_t next_subject = 0;
  for (int op = 0; op < 100'000; ++op) {
    const std::int64_t kind = rng.uniform_int(0, 9);
    if (kind < 5) {
      const Millis at = now + Millis{rng.uniform_int(0, 20)};
      const bool aside = kind == 0 && beside == kNoTimer;
      const TimerId id = aside ? q.schedule_beside(at, EventOwner::world, 0, next_subject, 0)
                               : q.schedule(at, EventOwner::controller, 0, next_subject, 0);
      if (aside) beside = id;
      ref.schedule(id, at, next_subject++);
      issued.push_back(id);
    } else if (kind < 7 && !issued.empty()) {
      const TimerId id = issued[static_cast<std::size_t>(
          rng.uniform_int(0, static_cast<std::int64_t>(issued.size()) - 1))];
      q.cancel(id);
      ref.cancel(id);
      if (id == beside) beside = kNoTimer;
    } else {
      REQUIRE(q.next_time() == ref.next_time());
      const std::optional<Event> e = pop_both(q, ref);
      if (!e) continue;
      if (e->seq == beside) beside = kNoTimer;
      now = e->at;
    }
  }
  drain_both(q, ref);
}

TEST_CASE("a second event beside the heap while one waits is refused") {
  EventQueue q;
  q.schedule_beside(seconds(10), EventOwner::world, 0, 1, 0);
  CHECK_THROWS_AS(q.schedule_beside(seconds(20), EventOwner::world, 0, 2, 0), std::logic_error);
}

}  // namespace
}  // namespace sim
