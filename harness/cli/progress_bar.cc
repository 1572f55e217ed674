#include "harness/cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace harness::cli {

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\n", stderr);
}

bool ProgressBar::stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

void ProgressBar::update(std::int64_t done, std::int64_t total) {
  if (!enabled_ || total <= 0) return;
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const auto eta = static_cast<long long>(done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0);
  constexpr int kWidth = 30;
  char bar[kWidth + 1];
  const int filled = static_cast<int>(kWidth * done / total);
  for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '-';
  bar[kWidth] = '\0';
  std::fprintf(stderr, "\r[%s] %3d %%  %lld/%lld runs  ETA %lld:%02lld ", bar, static_cast<int>(100 * done / total),
               static_cast<long long>(done), static_cast<long long>(total), eta / 60, eta % 60);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace harness::cli
