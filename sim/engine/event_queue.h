// The simulator's agenda: a flat 4-ary min-heap of small POD events.
//
// Order is total and deterministic: by time, then by the order events were scheduled (a
// monotonically increasing sequence number), so same-time events run first-scheduled first.
// Cancellation is O(1) and never scans the heap: a cancelled event's sequence number is marked in
// a bitmap and the event is dropped when it reaches the top. No allocation per event once the
// heap and bitmap have grown to the working size.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/time.h"

namespace sim {

// Who handles an event: the run loop dispatches with a switch on this, not a virtual call.
enum class EventOwner : std::uint8_t { controller, world, scenario };

// Identifies one scheduled event, for cancellation. 0 is never issued ("no timer").
using TimerId = std::uint64_t;
constexpr TimerId kNoTimer = 0;

struct Event {
  Millis at;
  std::uint64_t seq;   // scheduling order; also the TimerId
  EventOwner owner;
  std::uint16_t kind;  // owner-specific event kind
  std::uint32_t subject;  // usually a task or deployment index
  std::uint64_t arg;      // owner-specific payload
};

class EventQueue {
 public:
  // Schedules an event and returns its id. `at` may equal the current time (runs after the events
  // already scheduled for that time) but never lies in the past of the last popped event.
  TimerId schedule(Millis at, EventOwner owner, std::uint16_t kind, std::uint32_t subject,
                   std::uint64_t arg);

  // Marks an event as cancelled; it will never be popped. Cancelling twice, or cancelling an
  // event that already ran, is harmless. kNoTimer is ignored.
  void cancel(TimerId id);

  // Removes and returns the earliest live event into `out`; false when none is left.
  bool pop(Event& out);

  // Time of the earliest live event, or kNever.
  Millis next_time();

  bool empty() { return next_time() == kNever; }
  std::size_t size_including_cancelled() const { return heap_.size(); }
  std::uint64_t scheduled_total() const { return next_seq_ - 1; }

 private:
  static bool earlier(const Event& a, const Event& b) {
    return a.at < b.at || (a.at == b.at && a.seq < b.seq);
  }
  bool is_cancelled(std::uint64_t seq) const {
    const std::size_t word = seq >> 6;
    return word < cancelled_.size() && ((cancelled_[word] >> (seq & 63)) & 1U);
  }
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);
  void pop_top();
  void drop_cancelled_top();

  std::vector<Event> heap_;
  std::vector<std::uint64_t> cancelled_;  // bitmap indexed by seq
  std::uint64_t next_seq_ = 1;
};

}  // namespace sim
