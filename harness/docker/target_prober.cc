#include "harness/docker/target_prober.h"

#include <algorithm>
#include <memory>

namespace harness::docker {
namespace {

struct Probe : std::enable_shared_from_this<Probe> {
  Probe(asio::io_context& io, ProbeTarget t, std::function<void(const sim::ecs::ProbeOutcome&)> d)
      : stream(io), target(std::move(t)), done(std::move(d)) {}

  beast::tcp_stream stream;
  ProbeTarget target;
  std::function<void(const sim::ecs::ProbeOutcome&)> done;
  http::request<http::empty_body> request;
  http::response<http::string_body> response;
  beast::flat_buffer buffer;

  void finish(beast::error_code ec) {
    sim::ecs::ProbeOutcome out;
    if (ec == beast::error::timeout) {
      out.failure = sim::ecs::ProbeFailure::timeout;
    } else if (ec) {
      out.failure = sim::ecs::ProbeFailure::connection_refused;
    } else {
      out.http_code = static_cast<int>(response.result_int());
      out.pass = std::count(target.healthy_codes.begin(), target.healthy_codes.end(), out.http_code) > 0;
      if (!out.pass) out.failure = sim::ecs::ProbeFailure::response_code;
    }
    beast::error_code ignored;
    stream.socket().close(ignored);
    done(out);
  }

  void start(std::chrono::microseconds timeout) {
    beast::error_code ec;
    const auto address = asio::ip::make_address(target.ip, ec);
    if (ec) return finish(ec);
    request = {http::verb::get, target.path, 11};
    request.set(http::field::host, target.ip);
    request.set(http::field::connection, "close");
    stream.expires_after(timeout);
    auto self = shared_from_this();
    stream.async_connect(asio::ip::tcp::endpoint(address, static_cast<unsigned short>(target.port)),
                         [self](beast::error_code e) {
                           if (e) return self->finish(e);
                           http::async_write(self->stream, self->request, [self](beast::error_code e2, std::size_t) {
                             if (e2) return self->finish(e2);
                             http::async_read(self->stream, self->buffer, self->response,
                                              [self](beast::error_code e3, std::size_t) { self->finish(e3); });
                           });
                         });
  }
};

}  // namespace

void probe_target(asio::io_context& io, const ProbeTarget& target, std::chrono::microseconds timeout,
                  std::function<void(const sim::ecs::ProbeOutcome&)> done) {
  std::make_shared<Probe>(io, target, std::move(done))->start(timeout);
}

sim::ecs::ProbeOutcome probe_target_now(const ProbeTarget& target, std::chrono::microseconds timeout) {
  asio::io_context io;
  sim::ecs::ProbeOutcome result;
  probe_target(io, target, timeout, [&](const sim::ecs::ProbeOutcome& o) { result = o; });
  io.run();
  return result;
}

}  // namespace harness::docker
