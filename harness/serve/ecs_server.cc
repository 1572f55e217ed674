#include "harness/serve/ecs_server.h"

#include <chrono>

#include "harness/serve/ecs_api.h"
#include "harness/serve/ecs_state.h"
#include "harness/serve/pacer.h"

namespace harness::serve {
namespace {

// Real services' Docker events, timers and probes are handled as they come, not only when a
// request arrives: every few milliseconds the server brings them up to the present.
constexpr auto kRealPollInterval = std::chrono::milliseconds(5);

void keep_real_services_running(asio::steady_timer& timer, EcsState& state, Pacer& pacer) {
  timer.expires_after(kRealPollInterval);
  timer.async_wait([&timer, &state, &pacer](const boost::system::error_code& ec) {
    if (ec) return;
    pacer.catch_up(state);
    keep_real_services_running(timer, state, pacer);
  });
}

}  // namespace

int serve(const sim::model::Scenario& scenario, const ServeOptions& options,
          const std::function<void(unsigned short port)>& ready) {
  // Timestamps clients see start at the wall clock's present: the harness reads it, sim/ does not.
  const double epoch_start =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  // The signals are caught from the start: a Ctrl-C while a real service warms up is handled once
  // serving starts, and then every real service removes its containers as the state goes.
  asio::io_context io;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
  EcsState state(scenario, epoch_start, options.create_scenario_service, options.real);
  Pacer pacer(options.time_scale);
  EcsApi api(state, pacer);
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
  HttpServer server(io, endpoint, options.limits, [&api](const HttpRequest& request) { return api.handle(request); });
  api.report_counters_of(server);
  asio::steady_timer real_poll(io);
  if (state.real()) keep_real_services_running(real_poll, state, pacer);
  ready(server.port());
  io.run();
  return 0;
}

}  // namespace harness::serve
