// What a container's exit says in words: ECS's container reason ("OutOfMemoryError: Container
// killed due to memory usage") and our explanation ("OPENAI_API_KEY is not set", "exited after
// SIGTERM"). They are read only when the container exits or its trace is written, while the rest
// of its plan is read on every health-check event; so a plan points at its words instead of
// carrying two strings in every task's record (docs/scaling.md). A run produces only a few
// distinct words — one per kind of exit, not one per container — and the run's ExitWordsTable
// keeps each once.
#pragma once

#include <compare>
#include <set>
#include <string>

namespace sim::world {

struct ExitWords {
  std::string reason;  // ECS's container reason; empty for most exits
  std::string detail;  // our explanation; for a stalled start-up, why it stalls
  auto operator<=>(const ExitWords&) const = default;
};

// The words of one run, each distinct pair stored once.
class ExitWordsTable {
 public:
  // The table's copy of `words`: equal words give the same pointer, valid while the table lives.
  const ExitWords* intern(ExitWords words) { return &*words_.insert(std::move(words)).first; }

 private:
  std::set<ExitWords> words_;  // node-based: an entry never moves
};

// No words: a process that has not ended, or ended without explanation.
inline const ExitWords kNoExitWords{};

}  // namespace sim::world
