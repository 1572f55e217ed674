#include "harness/docker/scaled_clock.h"

namespace harness::docker {

sim::Millis ScaledClock::now() const {
  if (pinned_) return *pinned_;
  const auto real_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_);
  return sim::Millis{static_cast<std::int64_t>(static_cast<double>(real_us.count()) / 1000.0 / scale_)};
}

std::chrono::microseconds ScaledClock::real(sim::Millis span) const {
  return std::chrono::microseconds{static_cast<std::int64_t>(static_cast<double>(span.count()) * 1000.0 * scale_)};
}

sim::TimerId ScaledClock::at(sim::Millis at, std::function<void()> callback) {
  const sim::TimerId id = next_id_++;
  auto timer = std::make_unique<asio::steady_timer>(io_, start_ + real(at));
  timer->async_wait([this, id, callback = std::move(callback)](const boost::system::error_code& ec) {
    // A timer cancelled after it expired still completes without an error: its id is gone then.
    if (ec || timers_.erase(id) == 0) return;
    callback();
  });
  timers_.emplace(id, std::move(timer));
  return id;
}

sim::TimerId ScaledClock::call_at(sim::Millis at, std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) {
  return this->at(at, [this, kind, subject, arg] { sink_(kind, subject, arg); });
}

void ScaledClock::cancel(sim::TimerId id) {
  const auto it = timers_.find(id);
  if (it == timers_.end()) return;
  it->second->cancel();  // its handler still runs, with operation_aborted, and does nothing
  timers_.erase(it);
}

}  // namespace harness::docker
