// A progress bar with an ETA on stderr, for long sweeps at a terminal. It draws nothing when
// stderr is not a TTY (CI logs, job arrays), so logs stay clean. Safe to call from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace harness::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();

  // Redraws at most ten times a second: "[#####-----]  52 %  4160/8000 runs  ETA 0:12".
  void update(std::int64_t done, std::int64_t total);

  // True when stderr is a terminal.
  static bool stderr_is_terminal();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace harness::cli
