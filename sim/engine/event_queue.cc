#include "sim/engine/event_queue.h"

#include <stdexcept>

namespace sim {

TimerId EventQueue::schedule(Millis at, EventOwner owner, std::uint16_t kind,
                             std::uint32_t subject, std::uint64_t arg) {
  const std::uint64_t seq = next_seq_++;
  if (seq >> (64 - kSlotBits)) throw std::length_error("more than 2^40 events scheduled in one run");
  std::uint64_t slot;
  if (free_slots_.empty()) {
    slot = payloads_.size();
    if (slot > kSlotMask) throw std::length_error("more than 2^24 events queued at once");
    payloads_.push_back({});
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  payloads_[slot] = Payload{arg, subject, kind, owner};
  const Node added{at, seq << kSlotBits | slot};
  if (root_vacant_) {
    // The handler of the event just popped schedules its successor: it takes the root's place
    // and sinks, instead of the last node sinking from the root and this one rising from the end.
    root_vacant_ = false;
    node(0) = added;
    sift_down(0);
  } else {
    heap_.push_back(added);
    sift_up(size() - 1);
  }
  return seq;
}

TimerId EventQueue::schedule_beside(Millis at, EventOwner owner, std::uint16_t kind, std::uint32_t subject,
                                    std::uint64_t arg) {
  drop_cancelled_beside();
  if (beside_waiting_) throw std::logic_error("an event is already waiting beside the heap");
  const std::uint64_t seq = next_seq_++;
  if (seq >> (64 - kSlotBits)) throw std::length_error("more than 2^40 events scheduled in one run");
  beside_ = Event{at, seq, owner, kind, subject, arg};
  beside_waiting_ = true;
  return seq;
}

void EventQueue::cancel(TimerId id) {
  if (id == kNoTimer || id >= next_seq_) return;
  const std::size_t word = id >> 6;
  if (word >= cancelled_.size()) cancelled_.resize(word + 1 + cancelled_.size() / 2, 0);
  cancelled_[word] |= std::uint64_t{1} << (id & 63);
}

void EventQueue::fill_root() {
  if (!root_vacant_) return;
  root_vacant_ = false;
  node(0) = heap_.back();
  heap_.pop_back();
  if (size() > 0) sift_down(0);
}

void EventQueue::drop_cancelled_top() {
  fill_root();
  while (size() > 0 && is_cancelled(node(0).key >> kSlotBits)) {
    pop_top();
    fill_root();
  }
}

bool EventQueue::pop(Event& out) {
  drop_cancelled_top();
  drop_cancelled_beside();
  if (beside_first()) {
    ++pops_;
    length_at_pops_ += size() + 1;
    out = beside_;
    beside_waiting_ = false;
    return true;
  }
  if (size() == 0) return false;
  ++pops_;
  length_at_pops_ += size() + (beside_waiting_ ? 1 : 0);
  const Node top = node(0);
  const Payload& p = payloads_[top.key & kSlotMask];
  out = Event{top.at, top.key >> kSlotBits, p.owner, p.kind, p.subject, p.arg};
  pop_top();  // the root stays vacant until the next schedule or pop fills it
  return true;
}

Millis EventQueue::next_time() {
  drop_cancelled_top();
  drop_cancelled_beside();
  if (beside_first()) return beside_.at;
  return size() == 0 ? kNever : node(0).at;
}

void EventQueue::pop_top() {
  free_slots_.push_back(static_cast<std::uint32_t>(node(0).key & kSlotMask));
  root_vacant_ = true;
}

void EventQueue::sift_up(std::size_t i) {
  const Node moving = node(i);
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!earlier(moving, node(parent))) break;
    node(i) = node(parent);
    i = parent;
  }
  node(i) = moving;
}

void EventQueue::sift_down(std::size_t i) {
  const std::size_t n = size();
  const Node moving = node(i);
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    const std::size_t last = first + 4 < n ? first + 4 : n;
    for (std::size_t c = first + 1; c < last; ++c)
      if (earlier(node(c), node(best))) best = c;
    if (!earlier(node(best), moving)) break;
    node(i) = node(best);
    i = best;
  }
  node(i) = moving;
}

}  // namespace sim
