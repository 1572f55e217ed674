#include "sim/engine/event_queue.h"

namespace sim {

TimerId EventQueue::schedule(Millis at, EventOwner owner, std::uint16_t kind,
                             std::uint32_t subject, std::uint64_t arg) {
  const std::uint64_t seq = next_seq_++;
  heap_.push_back(Event{at, seq, owner, kind, subject, arg});
  sift_up(heap_.size() - 1);
  return seq;
}

void EventQueue::cancel(TimerId id) {
  if (id == kNoTimer || id >= next_seq_) return;
  const std::size_t word = id >> 6;
  if (word >= cancelled_.size()) cancelled_.resize(word + 1 + cancelled_.size() / 2, 0);
  cancelled_[word] |= std::uint64_t{1} << (id & 63);
}

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && is_cancelled(heap_.front().seq)) pop_top();
}

bool EventQueue::pop(Event& out) {
  drop_cancelled_top();
  if (heap_.empty()) return false;
  out = heap_.front();
  pop_top();
  return true;
}

Millis EventQueue::next_time() {
  drop_cancelled_top();
  return heap_.empty() ? kNever : heap_.front().at;
}

void EventQueue::pop_top() {
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0);
}

void EventQueue::sift_up(std::size_t i) {
  const Event moving = heap_[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!earlier(moving, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = moving;
}

void EventQueue::sift_down(std::size_t i) {
  const std::size_t n = heap_.size();
  const Event moving = heap_[i];
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    const std::size_t last = first + 4 < n ? first + 4 : n;
    for (std::size_t c = first + 1; c < last; ++c)
      if (earlier(heap_[c], heap_[best])) best = c;
    if (!earlier(heap_[best], moving)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = moving;
}

}  // namespace sim
