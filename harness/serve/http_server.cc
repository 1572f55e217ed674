#include "harness/serve/http_server.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

namespace harness::serve {
namespace {

using tcp = asio::ip::tcp;

std::string error_body(const std::string& type, const std::string& message) {
  return nlohmann::json{{"__type", type}, {"message", message}}.dump();
}

// The id of the `n`th answer, in the UUID shape AWS uses (botocore surfaces it as RequestId).
std::string request_id(long n) {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012lx", static_cast<unsigned long>(n));
  return id;
}

}  // namespace

HttpResponse json_response(int status, std::string body, unsigned version, bool keep_alive) {
  HttpResponse response{static_cast<http::status>(status), version};
  response.set(http::field::server, "deploysim");
  response.set(http::field::content_type, "application/x-amz-json-1.1");
  response.keep_alive(keep_alive);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

struct HttpServer::State : std::enable_shared_from_this<HttpServer::State> {
  State(asio::io_context& io, ServerLimits l, HttpHandler h)
      : acceptor(io), retry_timer(io), limits(l), handler(std::move(h)) {}
  void accept();

  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;  // after a failed accept (out of file descriptors)
  ServerLimits limits;
  HttpHandler handler;
  ServerCounters counters;
  long answers = 0;
};

// One client connection: read a request, answer it, and again while the client keeps it alive.
class HttpServer::Session : public std::enable_shared_from_this<HttpServer::Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<State> state, bool counted)
      : stream_(std::move(socket)), state_(std::move(state)), counted_(counted) {
    if (counted_) ++state_->counters.open_connections;
  }
  ~Session() {
    if (counted_) --state_->counters.open_connections;
  }

  void read() {
    parser_.emplace();
    parser_->body_limit(state_->limits.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(state_->limits.max_header_bytes));
    stream_.expires_after(state_->limits.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  // Answers `status` with an ECS-style error and closes: the refusals that need no request.
  void refuse(int status, const std::string& type, const std::string& message) {
    stream_.expires_after(std::chrono::seconds(5));
    refusing_ = true;
    write(json_response(status, error_body(type, message), 11, false), true);
  }

 private:
  void on_read(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      ++state_->counters.refused_too_large;
      return refuse(413, "RequestEntityTooLargeException",
                    "request body refused: more than " + std::to_string(state_->limits.max_body_bytes) +
                        " bytes (deploysim serve's limit; ECS task definitions are at most 64 KiB)");
    }
    if (ec == http::error::header_limit) {
      ++state_->counters.unreadable_requests;
      return refuse(431, "InvalidParameterException",
                    "request headers refused: more than " + std::to_string(state_->limits.max_header_bytes) + " bytes");
    }
    if (ec && ec.category() == http::make_error_code(http::error::bad_method).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      ++state_->counters.unreadable_requests;
      return refuse(400, "SerializationException", "not an HTTP/1.1 request: " + ec.message());
    }
    if (ec) return close();  // the client went away, or stayed silent past the idle timeout
    ++state_->counters.requests;
    const HttpRequest request = parser_->release();
    HttpResponse response;
    try {
      response = state_->handler(request);
    } catch (const std::exception& e) {
      response = json_response(500, error_body("ServerException", std::string("deploysim internal error: ") + e.what()),
                               request.version(), request.keep_alive());
    }
    response.keep_alive(request.keep_alive());
    write(std::move(response), !request.keep_alive());
  }

  void write(HttpResponse response, bool close_after) {
    response_ = std::move(response);
    response_.set("x-amzn-RequestId", request_id(++state_->answers));
    http::async_write(stream_, response_, [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
      if (!ec && self->refusing_) return self->drain_then_close();
      if (ec || close_after) return self->close();
      self->read();
    });
  }

  // After a refusal, what the client still sends is read and dropped (at most kDrainBytes, for at
  // most 2 s) before closing: closing a socket with unread data makes the kernel reset the
  // connection, and the reset can overtake the refusal the client has not read yet.
  void drain_then_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ >= kDrainBytes) return self->close();
      self->drain_then_close();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpResponse response_;
  std::shared_ptr<State> state_;
  bool counted_;
  bool refusing_ = false;
  static constexpr std::size_t kDrainBytes = 1024 * 1024;
  std::array<char, 16 * 1024> drain_{};
  std::size_t drained_ = 0;
};

void HttpServer::State::accept() {
  acceptor.async_accept([self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
      // Out of file descriptors, typically: wait a little for connections to close, then go on.
      self->retry_timer.expires_after(std::chrono::milliseconds(50));
      self->retry_timer.async_wait([self](beast::error_code wait_ec) {
        if (!wait_ec) self->accept();
      });
      return;
    }
    if (self->counters.open_connections >= self->limits.max_connections) {
      ++self->counters.refused_connections;
      std::make_shared<Session>(std::move(socket), self, false)
          ->refuse(503, "ThrottlingException",
                   "too many connections open (deploysim serve's limit is " +
                       std::to_string(self->limits.max_connections) + "); retry");
    } else {
      std::make_shared<Session>(std::move(socket), self, true)->read();
    }
    self->accept();
  });
}

HttpServer::HttpServer(asio::io_context& io, const tcp::endpoint& endpoint, ServerLimits limits, HttpHandler handler)
    : state_(std::make_shared<State>(io, limits, std::move(handler))) {
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(asio::socket_base::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen(asio::socket_base::max_listen_connections);
  state_->accept();
}

HttpServer::~HttpServer() {
  beast::error_code ignored;
  state_->acceptor.close(ignored);
  state_->retry_timer.cancel();
}

unsigned short HttpServer::port() const { return state_->acceptor.local_endpoint().port(); }

const ServerCounters& HttpServer::counters() const { return state_->counters; }

}  // namespace harness::serve
