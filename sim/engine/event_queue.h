// The simulator's agenda: a flat 4-ary min-heap of small POD events.
//
// Order is total and deterministic: by time, then by the order events were scheduled (a
// monotonically increasing sequence number), so same-time events run first-scheduled first.
// Cancellation is O(1) and never scans the heap: a cancelled event's sequence number is marked in
// a bitmap and the event is dropped when it reaches the top. A pop leaves the root vacant for the
// next event scheduled, which sinks from there (one sift instead of two); the order of the pops is
// the heap's total order either way. No allocation per event once the
// heap, payload table and bitmap have grown to the working size.
//
// The heap holds 16-byte nodes (time, and the sequence number with the slot of the event's
// payload), four children to one 64-byte cache line, and the payloads (owner, kind, subject, arg)
// sit in a table by slot, read once when the event is popped. With 10,000-task runs the heap
// holds 40,000-70,000 events: at 32 bytes a node they overflow a 1 MiB L2 cache and each level of
// a sift touches two lines; at 16 bytes, one (docs/scaling.md). Limits: 2^40 events scheduled in
// a run and 2^24 queued at once (std::length_error past them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
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

  // Schedules the next event of a train that recurs on its own (the world's traffic periods: one
  // every 10 s, most of a short run's events). It waits beside the heap instead of in it, which
  // saves the heap's sifts, and runs in the order it would from the heap: by time, then sequence
  // number. One at a time: throws std::logic_error while the previous one is still waiting.
  TimerId schedule_beside(Millis at, EventOwner owner, std::uint16_t kind, std::uint32_t subject,
                          std::uint64_t arg);
  // Marks an event as cancelled; it will never be popped. Cancelling twice, or cancelling an
  // event that already ran, is harmless. kNoTimer is ignored.
  void cancel(TimerId id);

  // Removes and returns the earliest live event into `out`; false when none is left.
  bool pop(Event& out);

  // Time of the earliest live event, or kNever.
  Millis next_time();

  bool empty() { return next_time() == kNever; }
  std::size_t size_including_cancelled() const {
    return size() - (root_vacant_ ? 1 : 0) + (beside_waiting_ ? 1 : 0);
  }
  std::uint64_t scheduled_total() const { return next_seq_ - 1; }
  // The heap's length (cancelled events included) averaged over the pops so far: the queue the
  // run worked against, for the benchmark's bare-heap baseline (tests/bench/bare_heap.h).
  double mean_length_at_pop() const { return pops_ ? static_cast<double>(length_at_pops_) / pops_ : 0.0; }

 private:
  static constexpr int kSlotBits = 24;
  static constexpr std::uint64_t kSlotMask = (std::uint64_t{1} << kSlotBits) - 1;
  static constexpr std::size_t kPad = 3;  // unused nodes before the root: children groups start on a line

  struct Node {
    Millis at;
    std::uint64_t key;  // seq << kSlotBits | slot: ordering by key orders by seq
  };
  struct Payload {
    std::uint64_t arg;
    std::uint32_t subject;
    std::uint16_t kind;
    EventOwner owner;
  };
  // Allocates the heap's nodes on a cache line, so that with kPad the 4 children of a node share one.
  template <class T>
  struct LineAligned {
    using value_type = T;
    LineAligned() = default;
    template <class U>
    LineAligned(const LineAligned<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{64})); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, std::align_val_t{64}); }
    template <class U>
    bool operator==(const LineAligned<U>&) const { return true; }
  };

  static bool earlier(const Node& a, const Node& b) { return a.at < b.at || (a.at == b.at && a.key < b.key); }
  bool is_cancelled(std::uint64_t seq) const {
    const std::size_t word = seq >> 6;
    return word < cancelled_.size() && ((cancelled_[word] >> (seq & 63)) & 1U);
  }
  // Nodes in the heap, the vacant root included.
  std::size_t size() const { return heap_.size() - kPad; }
  Node& node(std::size_t i) { return heap_[i + kPad]; }
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);
  void pop_top();  // leaves the root vacant
  void fill_root();  // with the last node, if vacant
  void drop_cancelled_top();
  void drop_cancelled_beside() {
    if (beside_waiting_ && is_cancelled(beside_.seq)) beside_waiting_ = false;
  }
  // Whether the event beside the heap is the earliest live one (cancelled ones dropped first).
  bool beside_first() {
    if (!beside_waiting_) return false;
    if (size() == 0) return true;
    const Node& top = node(0);
    return beside_.at < top.at || (beside_.at == top.at && beside_.seq < (top.key >> kSlotBits));
  }

  std::vector<Node, LineAligned<Node>> heap_ = std::vector<Node, LineAligned<Node>>(kPad);
  std::vector<Payload> payloads_;          // by slot
  std::vector<std::uint32_t> free_slots_;  // slots of popped events, reused last-freed first
  std::vector<std::uint64_t> cancelled_;   // bitmap indexed by seq
  // The root was popped and not refilled yet: schedule() puts the next event there (most handlers
  // schedule one), and pop() and next_time() move the last node there first.
  bool root_vacant_ = false;
  std::uint64_t next_seq_ = 1;
  Event beside_{};               // schedule_beside's event, while beside_waiting_
  bool beside_waiting_ = false;
  std::uint64_t pops_ = 0;            // live events popped
  std::uint64_t length_at_pops_ = 0;  // sum of size() at those pops
};

}  // namespace sim
