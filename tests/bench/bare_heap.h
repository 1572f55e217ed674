// The floor a discrete-event run cannot go below: a bare 4-ary min-heap of 16-byte (time,
// sequence) nodes that pops events and schedules one new event per pop, with no handlers, no
// payloads and no cancellation. w1_bench runs it with a simulation's event count and mean queue
// length, so "per-probe mode within 1.5x of a bare heap loop doing the same events" (the scale
// issue) is a printed ratio.
//
// Each popped event schedules its successor 5, 10 or 30 s later (a probe's result, an ELB
// target's and a container check's next probe, the per-probe mode's three delays), drawn from a
// seeded generator, so the heap keeps its length and sees the same kind of interleaving.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/rng.h"

namespace bench {

class BareHeap {
 public:
  struct Node {
    std::int64_t at;
    std::uint64_t seq;
  };

  void push(std::int64_t at) {
    heap_.push_back(Node{at, next_seq_++});
    std::size_t i = heap_.size() - 1;
    const Node moving = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!earlier(moving, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = moving;
  }

  Node pop() {
    const Node top = heap_.front();
    const Node moving = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t last = std::min(first + 4, n);
      for (std::size_t c = first + 1; c < last; ++c)
        if (earlier(heap_[c], heap_[best])) best = c;
      if (!earlier(heap_[best], moving)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = moving;
    return top;
  }

  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  static bool earlier(const Node& a, const Node& b) { return a.at < b.at || (a.at == b.at && a.seq < b.seq); }
  std::vector<Node> heap_;
  std::uint64_t next_seq_ = 0;
};

// Seconds for `events` pops (each followed by one push) on a heap holding `queued` events;
// `checksum` receives a value that depends on every pop, so the loop cannot be optimised away.
inline double bare_heap_seconds(std::uint64_t events, std::size_t queued, std::uint64_t& checksum) {
  constexpr std::int64_t kDelays[] = {5'000, 10'000, 30'000};
  sim::Rng rng(1);
  BareHeap heap;
  heap.reserve(queued + 1);
  for (std::size_t i = 0; i < std::max<std::size_t>(queued, 1); ++i)
    heap.push(rng.uniform_int(0, 9'999));
  // The wall clock is read here, in the benchmark, never inside the simulator.
  const auto t0 = std::chrono::steady_clock::now();
  std::uint64_t sum = 0;
  for (std::uint64_t e = 0; e < events; ++e) {
    const BareHeap::Node top = heap.pop();
    sum += top.seq;
    heap.push(top.at + kDelays[rng.next_u64() % 3]);
  }
  checksum = sum;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace bench
