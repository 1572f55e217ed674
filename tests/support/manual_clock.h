// A Clock a test turns by hand (ninja's and leveldb's pattern): timers wait in an event queue
// until advance_to() fires them, in time and then scheduling order, on the object the test
// names. Nothing happens between two calls.
#pragma once

#include <algorithm>

#include "sim/engine/clock.h"
#include "sim/engine/event_queue.h"

namespace testsupport {

class ManualClock final : public sim::Clock {
 public:
  sim::Millis now() const override { return now_; }
  sim::TimerId call_at(sim::Millis at, std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) override {
    return queue_.schedule(std::max(at, now_), sim::EventOwner::controller, kind, subject, arg);
  }
  void cancel(sim::TimerId id) override { queue_.cancel(id); }

  // Fires every timer due up to `t` on `target` (anything with on_timer(kind, subject, arg)),
  // then reads `t`. Timers a fired timer schedules up to `t` fire too.
  template <class Target>
  void advance_to(sim::Millis t, Target& target) {
    sim::Event e;
    while (queue_.next_time() <= t) {
      queue_.pop(e);
      now_ = e.at;
      target.on_timer(e.kind, e.subject, e.arg);
    }
    now_ = std::max(now_, t);
  }

  // When the next timer is due (kNever for none).
  sim::Millis next_timer() { return queue_.next_time(); }

 private:
  sim::EventQueue queue_;
  sim::Millis now_{0};
};

}  // namespace testsupport
