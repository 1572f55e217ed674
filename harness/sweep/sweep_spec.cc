#include "harness/sweep/sweep_spec.h"

namespace harness::sweep {

std::int64_t SweepSpec::cell_count() const {
  std::int64_t count = 1;
  for (const Axis& axis : axes) count *= static_cast<std::int64_t>(axis.values.size());
  return count;
}

std::vector<int> cell_coordinates(const SweepSpec& spec, std::int64_t cell) {
  std::vector<int> coordinates(spec.axes.size());
  for (std::size_t i = spec.axes.size(); i-- > 0;) {
    const auto size = static_cast<std::int64_t>(spec.axes[i].values.size());
    coordinates[i] = static_cast<int>(cell % size);
    cell /= size;
  }
  return coordinates;
}

}  // namespace harness::sweep
