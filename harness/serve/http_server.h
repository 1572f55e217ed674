// The HTTP/1.1 server in front of the ECS API: Boost.Beast on one Asio thread, so every request is
// handled to the end before the next begins and the state behind it needs no locks.
//
// It is built to stay up and keep its state whatever clients send. Every resource a client can
// claim is bounded: a body over `max_body_bytes` is refused with 413 before it is read; headers
// over `max_header_bytes` with 431; a connection beyond `max_connections` gets 503 at once and is
// closed; a connection that sends nothing for `idle_timeout` is closed. A request the handler
// throws on is the handler's business (ecs_api.h turns every error into an answer).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "harness/docker/asio.h"

namespace harness::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct ServerLimits {
  // Default 4 MiB: ECS caps a task definition at 64 KiB, so no real request comes near it.
  std::size_t max_body_bytes = 4 * 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  // Default 256 connections open at once; beyond that, 503 and close (clients retry).
  int max_connections = 256;
  // Default 30 s without a byte from a client before its connection is closed.
  std::chrono::milliseconds idle_timeout{30'000};
};

// What the server has refused so far, for the control endpoint and the tests.
struct ServerCounters {
  long requests = 0;
  long refused_too_large = 0;
  long refused_connections = 0;
  long unreadable_requests = 0;  // not HTTP, or headers over the limit
  int open_connections = 0;
};

class HttpServer {
 public:
  // Listens on `endpoint` (port 0: a free port, see port()). Throws boost::system::system_error
  // when the address cannot be bound.
  HttpServer(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint, ServerLimits limits, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;
  const ServerCounters& counters() const;

 private:
  struct State;
  class Session;
  std::shared_ptr<State> state_;
};

// A JSON answer with the headers an AWS JSON 1.1 service sends (the server adds x-amzn-RequestId).
HttpResponse json_response(int status, std::string body, unsigned version, bool keep_alive);

}  // namespace harness::serve
