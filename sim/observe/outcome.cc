#include "sim/observe/outcome.h"

namespace sim::observe {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::completed: return "COMPLETED";
    case Outcome::rolled_back: return "ROLLED_BACK";
    case Outcome::failed: return "FAILED";
    case Outcome::stuck: return "STUCK";
    case Outcome::steady_state: return "STEADY_STATE";
  }
  return "?";
}

std::string_view to_string(RunEnd e) {
  switch (e) {
    case RunEnd::outcome_reached: return "outcome reached";
    case RunEnd::horizon: return "horizon reached";
    case RunEnd::event_cap: return "event cap reached";
    case RunEnd::queue_empty: return "nothing left to happen";
    case RunEnd::trace_cap: return "trace cap reached";
    case RunEnd::task_cap: return "task cap reached";
  }
  return "?";
}

}  // namespace sim::observe
