// `deploysim serve` put together: the ECS state built from a scenario, the pacer, the API, and the
// HTTP server on one Asio thread, until SIGINT or SIGTERM.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "harness/serve/http_server.h"
#include "harness/serve/served_service.h"
#include "sim/model/scenario.h"

namespace harness::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback only unless asked: the API accepts any signature
  unsigned short port = 4566;      // 0: a free port (printed)
  double time_scale = 60;          // simulated seconds per wall second; 0: only the control endpoint moves time
  bool create_scenario_service = true;
  ServerLimits limits;
  // serve --real: every service is a real run on Docker (time_scale must be above 0 then).
  std::optional<RealServing> real;
};

// Serves until a signal arrives; returns 0 then, once every real service's containers are removed. `ready(port)` is called once listening (the CLI
// prints the address there). Throws boost::system::system_error when the address cannot be bound.
int serve(const sim::model::Scenario& scenario, const ServeOptions& options,
          const std::function<void(unsigned short port)>& ready);

}  // namespace harness::serve
