#include "sim/ecs/az_spread.h"

namespace sim::ecs {

int choose_availability_zone(const std::vector<int>& tasks_per_zone, const std::vector<bool>& usable) {
  int best = -1;
  for (std::size_t z = 0; z < tasks_per_zone.size() && z < usable.size(); ++z) {
    if (!usable[z]) continue;
    if (best < 0 || tasks_per_zone[z] < tasks_per_zone[static_cast<std::size_t>(best)]) best = static_cast<int>(z);
  }
  return best;
}

}  // namespace sim::ecs
