// harness/docker/load_generator: the listener's real requests, counted as the scenario's traffic.
#include <catch2/catch.hpp>

#include <memory>

#include "harness/docker/load_generator.h"

namespace {

using harness::docker::LoadGenerator;
using harness::docker::LoadTarget;
namespace asio = harness::docker::asio;

// An HTTP server on 127.0.0.1 (an ephemeral port) that answers every request with `code`.
class FixedAnswerServer {
 public:
  FixedAnswerServer(asio::io_context& io, int code) : acceptor_(io, {asio::ip::make_address("127.0.0.1"), 0}), code_(code) {
    accept();
  }
  int port() const { return acceptor_.local_endpoint().port(); }

 private:
  struct Exchange {
    explicit Exchange(asio::ip::tcp::socket s) : socket(std::move(s)) {}
    asio::ip::tcp::socket socket;
    asio::streambuf request;
    std::string response;
  };
  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, asio::ip::tcp::socket socket) {
      if (ec) return;
      auto x = std::make_shared<Exchange>(std::move(socket));
      x->response = "HTTP/1.1 " + std::to_string(code_) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      asio::async_read_until(x->socket, x->request, "\r\n\r\n", [x](boost::system::error_code, std::size_t) {
        asio::async_write(x->socket, asio::buffer(x->response), [x](boost::system::error_code, std::size_t) {});
      });
      accept();
    });
  }
  asio::ip::tcp::acceptor acceptor_;
  int code_;
};

constexpr int kRequestsPerSecond = 100;

// Runs `io` until `done()` holds (every answer counted) or 5 s have passed.
template <typename Done>
void run_until(asio::io_context& io, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!done() && std::chrono::steady_clock::now() < deadline) io.run_one_for(std::chrono::milliseconds(50));
}

LoadTarget target(sim::ecs::DeploymentId deployment, int port, bool healthy) {
  return {deployment, "127.0.0.1", port, "/", healthy};
}

}  // namespace

TEST_CASE("requests go by the routes' weights to healthy targets, and a target's 500s count as its revision's 5xx") {
  // Given deployment 0 (weight 3) answering 200 and deployment 1 (weight 1) answering 500, when
  // eight requests are sent, then 6 reach deployment 0 and 2 reach deployment 1, each standing
  // for the scenario's 100 requests a second, and deployment 1's are all 5xx.
  asio::io_context io;
  FixedAnswerServer ok(io, 200);
  FixedAnswerServer failing(io, 500);
  LoadGenerator load(io, kRequestsPerSecond, std::chrono::seconds(5));
  load.route({{0, 0, 3}, {1, 1, 1}});
  const std::vector<LoadTarget> targets = {target(0, ok.port(), true), target(1, failing.port(), true)};
  for (int i = 0; i < 8; ++i) load.send(targets);
  run_until(io, [&] { return load.report().target_requests == 8 * kRequestsPerSecond; });
  const sim::ecs::TrafficReport& report = load.report();
  CHECK(report.revision(0).requests == 6 * kRequestsPerSecond);
  CHECK(report.revision(0).errors == 0);
  CHECK(report.revision(1).requests == 2 * kRequestsPerSecond);
  CHECK(report.revision(1).errors == 2 * kRequestsPerSecond);
  CHECK(report.target_5xx == 2 * kRequestsPerSecond);
  CHECK(report.elb_5xx == 0);
  CHECK(report.revision(0).latency.p50_ms >= 1);
}

TEST_CASE("with every target unhealthy the load balancer fails open; with none it answers 503 itself") {
  // Given one registered but unhealthy target, when two requests are sent, then both reach it
  // (fail open); given no target at all, a request is the load balancer's own 5xx.
  asio::io_context io;
  FixedAnswerServer ok(io, 200);
  LoadGenerator load(io, kRequestsPerSecond, std::chrono::seconds(5));
  load.route({{0, 0, 0}});
  load.send({target(0, ok.port(), false)});
  load.send({target(0, ok.port(), false)});
  load.send({});
  run_until(io, [&] { return load.report().target_requests == 2 * kRequestsPerSecond; });
  CHECK(load.report().revision(0).requests == 2 * kRequestsPerSecond);
  CHECK(load.report().elb_5xx == kRequestsPerSecond);
  CHECK(load.real_requests_sent() == 2);
}

TEST_CASE("a target that refuses the connection is the load balancer's 502, not the target's 5xx") {
  // Given a healthy target whose port has no listener, when a request is sent, then it counts as
  // an ELB 5xx and the revision served nothing.
  asio::io_context io;
  asio::ip::tcp::acceptor closed(io, {asio::ip::make_address("127.0.0.1"), 0});
  const int port = closed.local_endpoint().port();
  closed.close();
  LoadGenerator load(io, kRequestsPerSecond, std::chrono::seconds(5));
  load.route({{0, 0, 1}});
  load.send({target(0, port, true)});
  run_until(io, [&] { return load.report().elb_5xx > 0; });
  CHECK(load.report().elb_5xx == kRequestsPerSecond);
  CHECK(load.report().revision(0).requests == 0);
}
