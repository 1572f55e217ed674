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
#include <iterator>
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

  T& back() { return blocks_.back().back(); }
  const T& back() const { return blocks_.back().back(); }

  // Removes the last element; the others stay where they are.
  void pop_back() {
    blocks_.back().pop_back();
    --size_;
    if (blocks_.back().empty()) blocks_.pop_back();
  }

  // Reads the elements in index order, for range-for and the standard algorithms.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const BlockVector* v, std::size_t i) : v_(v), i_(i) {}
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const const_iterator& other) const { return i_ == other.i_; }

   private:
    const BlockVector* v_ = nullptr;
    std::size_t i_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

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
