// The time seam. The service controller asks a Clock for the time and for callbacks; the
// simulated world answers from the event queue, real mode from the (scaled) wall clock. The
// controller cannot tell which.
#pragma once

#include <cstdint>

#include "sim/engine/event_queue.h"
#include "sim/engine/time.h"

namespace sim {

class Clock {
 public:
  virtual ~Clock() = default;

  // The current time of the run, from 0 at its start.
  virtual Millis now() const = 0;

  // Calls the controller's on_timer(kind, subject, arg) at `at` (not before). Returns an id
  // for cancel().
  virtual TimerId call_at(Millis at, std::uint16_t kind, std::uint32_t subject,
                          std::uint64_t arg) = 0;

  // The callback will not happen. Harmless for kNoTimer or a timer that already fired.
  virtual void cancel(TimerId id) = 0;
};

}  // namespace sim
