// A growable array whose elements never move: they live in fixed blocks of kBlock elements,
// allocated as the array grows.
//
// Why not a vector of unique_ptr: a 10,000-task run allocated every task on its own, so an event
// on a task read memory scattered over the heap, one cache miss per object, and paid an allocation
// per task (docs/scaling.md). Why not a std::vector of values: event handlers hold a reference to
// one element while they add others (a task's report makes the controller launch the next task),
// and a vector's growth would move the element under them. Here neighbours in index order sit
// side by side, growth allocates once per block, and references stay valid until destruction.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace sim {

// kBlock: elements per block, a power of two; choose it so that a block is a few tens of KiB,
// below malloc's mmap threshold (a sweep's small runs would otherwise map and unmap a block each).
template <class T, std::size_t kBlock>
class BlockVector {
  static_assert(kBlock > 0 && (kBlock & (kBlock - 1)) == 0, "kBlock is a power of two");

 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }

  // Appends a value-initialised element and returns it; no other element moves.
  T& emplace_back() {
    if (size_ % kBlock == 0) {
      blocks_.emplace_back();
      blocks_.back().reserve(kBlock);  // a block never grows past this, so it never reallocates
    }
    ++size_;
    return blocks_.back().emplace_back();
  }

  // Visits every element in index order.
  template <class F>
  void for_each(F&& f) {
    for (std::vector<T>& block : blocks_)
      for (T& element : block) f(element);
  }
  template <class F>
  void for_each(F&& f) const {
    for (const std::vector<T>& block : blocks_)
      for (const T& element : block) f(element);
  }

 private:
  std::vector<std::vector<T>> blocks_;  // each holds at most kBlock elements, reserved up front
  std::size_t size_ = 0;
};

}  // namespace sim
