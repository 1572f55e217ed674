#include "sim/engine/invariant.h"

namespace sim {

void invariant_failed(const char* check, const char* file, int line, const std::string& what,
                      const RunContext& run) {
  throw InvariantViolation(std::string("invariant broken: ") + check + " (" + what + ") at " + file + ":" +
                           std::to_string(line) + "; seed " + std::to_string(run.seed()) + ", simulated time " +
                           format_clock(run.now()));
}

}  // namespace sim
