#include "harness/serve/ecs_server.h"

#include <chrono>

#include "harness/serve/ecs_api.h"
#include "harness/serve/ecs_state.h"
#include "harness/serve/pacer.h"

namespace harness::serve {

int serve(const sim::model::Scenario& scenario, const ServeOptions& options,
          const std::function<void(unsigned short port)>& ready) {
  // Timestamps clients see start at the wall clock's present: the harness reads it, sim/ does not.
  const double epoch_start =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EcsState state(scenario, epoch_start, options.create_scenario_service);
  Pacer pacer(options.time_scale);
  EcsApi api(state, pacer);
  asio::io_context io;
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
  HttpServer server(io, endpoint, options.limits, [&api](const HttpRequest& request) { return api.handle(request); });
  api.report_counters_of(server);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
  ready(server.port());
  io.run();
  return 0;
}

}  // namespace harness::serve
