// The real-mode Clock: run time is the wall clock (steady) since start(), divided by the time
// scale, so at 0.05 a 30 s health-check interval takes 1.5 s. Callbacks are Asio timers on the
// run's single-threaded io_context, so the controller and the world never run concurrently.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "harness/docker/asio.h"
#include "sim/engine/clock.h"

namespace harness::docker {

class ScaledClock final : public sim::Clock {
 public:
  using ControllerTimer = std::function<void(std::uint16_t kind, std::uint32_t subject, std::uint64_t arg)>;

  // `time_scale` > 0: real seconds per run second.
  ScaledClock(asio::io_context& io, double time_scale) : io_(io), scale_(time_scale) {}

  // Time 0 of the run is now.
  void start() { start_ = std::chrono::steady_clock::now(); }
  // Where the controller's timers go (its on_timer).
  void deliver_to(ControllerTimer sink) { sink_ = std::move(sink); }

  sim::Millis now() const override;
  sim::TimerId call_at(sim::Millis at, std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) override;
  void cancel(sim::TimerId id) override;

  // While `span` runs, now() reads `at` (a time already passed): for a report that belongs to an
  // instant of run time, as a traffic period's end does — CloudWatch takes a datapoint at whole
  // periods only (sim/ecs/alarm_watch.cc), and a timer fires a few real milliseconds late.
  template <typename F>
  void as_of(sim::Millis at, F&& span) {
    pinned_ = std::min(at, now());
    span();
    pinned_.reset();
  }

  // A world callback at run time `at` (not before); cancel() takes its id too.
  sim::TimerId at(sim::Millis at, std::function<void()> callback);
  // The real duration of a span of run time.
  std::chrono::microseconds real(sim::Millis span) const;
  double time_scale() const { return scale_; }

 private:
  asio::io_context& io_;
  double scale_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  ControllerTimer sink_;
  std::optional<sim::Millis> pinned_;  // as_of
  sim::TimerId next_id_ = 1;
  std::map<sim::TimerId, std::unique_ptr<asio::steady_timer>> timers_;
};

}  // namespace harness::docker
