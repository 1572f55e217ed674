#include "harness/serve/pacer.h"

#include <algorithm>

#include "harness/serve/ecs_state.h"

namespace harness::serve {

sim::Millis Pacer::target(WallClock::time_point wall) const {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(wall - anchor_wall_);
  const auto paced = static_cast<std::int64_t>(static_cast<double>(std::max<std::int64_t>(elapsed.count(), 0)) * time_scale_);
  return sim::Millis{paced} + skipped_;
}

void Pacer::catch_up(EcsState& state, WallClock::time_point wall) { state.advance_to(target(wall)); }

void Pacer::skip(EcsState& state, sim::Millis span, WallClock::time_point wall) {
  skipped_ += std::max(span, sim::Millis{0});
  catch_up(state, wall);
}

}  // namespace harness::serve
