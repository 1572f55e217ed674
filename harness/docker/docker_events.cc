#include "harness/docker/docker_events.h"

#include <nlohmann/json.hpp>

#include "harness/docker/docker_client.h"

namespace harness::docker {

// The body is HTTP/1.1 chunked. Beast's parser hands a chunk's bytes over only once the next
// chunk's header has arrived, which would hold every event back until the next one: so after the
// header the stream is read raw and the chunk framing is undone here.
struct DockerEvents::Stream : std::enable_shared_from_this<Stream> {
  Stream(asio::io_context& io, std::function<void(const ContainerEvent&)> f)
      : socket(io), on_event(std::move(f)) {}

  asio::local::stream_protocol::socket socket;
  std::function<void(const ContainerEvent&)> on_event;
  beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  char chunk[8192];
  std::string raw;      // chunked bytes not yet decoded
  std::size_t chunk_left = 0;
  bool in_chunk = false;
  std::string pending;  // decoded bytes of a JSON line not yet complete
  bool closed = false;

  void decode(const char* data, std::size_t size) {
    raw.append(data, size);
    for (;;) {
      if (in_chunk) {
        const std::size_t n = std::min(chunk_left, raw.size());
        pending.append(raw, 0, n);
        raw.erase(0, n);
        chunk_left -= n;
        if (chunk_left > 0 || raw.size() < 2) break;
        raw.erase(0, 2);  // the CRLF after the chunk's data
        in_chunk = false;
        continue;
      }
      const std::size_t crlf = raw.find("\r\n");
      if (crlf == std::string::npos) break;
      chunk_left = std::stoul(raw.substr(0, crlf), nullptr, 16);
      raw.erase(0, crlf + 2);
      in_chunk = true;
    }
    take_lines();
  }

  // One JSON object per line.
  void take_lines() {
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
      const std::string line = pending.substr(0, nl);
      pending.erase(0, nl + 1);
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || j.value("Type", "") != "container") continue;
      ContainerEvent e;
      e.action = j.value("Action", "");
      e.container = j.value("id", "");
      const nlohmann::json attributes = j.value("Actor", nlohmann::json::object()).value("Attributes", nlohmann::json::object());
      if (attributes.contains("exitCode")) e.exit_code = std::stoi(attributes["exitCode"].get<std::string>());
      on_event(e);
    }
  }

  void read_more() {
    socket.async_read_some(asio::buffer(chunk), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (self->closed) return;
      if (ec) throw DockerError("the Docker engine's event stream ended: " + ec.message());
      self->decode(self->chunk, n);
      self->read_more();
    });
  }
};

DockerEvents::DockerEvents(asio::io_context& io, const std::string& socket_path, const std::string& run_id,
                           std::function<void(const ContainerEvent&)> on_event)
    : stream_(std::make_shared<Stream>(io, std::move(on_event))) {
  beast::error_code ec;
  stream_->socket.connect(asio::local::stream_protocol::endpoint(socket_path), ec);
  if (ec) throw DockerError(no_engine_message(socket_path) + " (" + ec.message() + ")");
  const nlohmann::json filters = {{"type", {"container"}}, {"label", {std::string(kRunLabel) + "=" + run_id}}};
  http::request<http::empty_body> req(http::verb::get, std::string(kApiVersion) + "/events?filters=" + url_encode(filters.dump()), 11);
  req.set(http::field::host, "docker");
  http::write(stream_->socket, req, ec);
  if (!ec) http::read_header(stream_->socket, stream_->buffer, stream_->parser, ec);
  if (ec || stream_->parser.get().result_int() != 200)
    throw DockerError("the Docker engine refused its event stream: " + (ec ? ec.message() : std::to_string(stream_->parser.get().result_int())));
  // Bytes read past the header are the start of the body.
  const auto rest = stream_->buffer.data();
  stream_->decode(static_cast<const char*>(rest.data()), rest.size());
  stream_->read_more();
}

DockerEvents::~DockerEvents() { close(); }

void DockerEvents::close() {
  if (stream_->closed) return;
  stream_->closed = true;
  beast::error_code ignored;
  stream_->socket.close(ignored);
}

}  // namespace harness::docker
