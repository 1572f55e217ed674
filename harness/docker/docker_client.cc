#include "harness/docker/docker_client.h"

#include <functional>
#include <sstream>

#include "harness/docker/asio.h"

namespace harness::docker {

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

std::string message_of(const Reply& r) {
  try {
    const nlohmann::json j = r.json();
    if (j.is_object() && j.contains("message")) return j["message"].get<std::string>();
  } catch (const std::exception&) {
  }
  return r.body;
}

}  // namespace

nlohmann::json Reply::json() const { return body.empty() ? nlohmann::json() : nlohmann::json::parse(body); }

namespace {

using LocalSocket = asio::local::stream_protocol::socket;
using ReadDone = std::function<void(beast::error_code, std::size_t)>;

http::request<http::string_body> make_request(const std::string& method, const std::string& target,
                                              const nlohmann::json& body) {
  http::request<http::string_body> req(http::string_to_verb(method), std::string(kApiVersion) + target, 11);
  req.set(http::field::host, "docker");
  if (!body.is_null()) {
    req.set(http::field::content_type, "application/json");
    req.body() = body.dump();
  }
  req.prepare_payload();
  return req;
}

std::string seconds_text(std::chrono::milliseconds span) {
  std::ostringstream out;
  out << static_cast<double>(span.count()) / 1000.0 << " s";
  return out.str();
}

// Connects to the engine, sends `req` and has `read` read (all or part of) the answer, on `io`
// and within `timeout`: asynchronously, because Asio's blocking calls cannot time out. Throws
// EngineUnreachable when any step fails or the time is up.
void exchange(asio::io_context& io, LocalSocket& socket, const std::string& path, http::request<http::string_body>& req,
              std::chrono::milliseconds timeout, const std::function<void(ReadDone)>& read) {
  bool done = false;
  bool connected = false;
  beast::error_code result;
  const auto finish = [&](beast::error_code ec) {
    result = ec;
    done = true;
  };
  socket.async_connect(asio::local::stream_protocol::endpoint(path), [&](beast::error_code ec) {
    if (ec) return finish(ec);
    connected = true;
    http::async_write(socket, req, [&](beast::error_code wrote, std::size_t) {
      if (wrote) return finish(wrote);
      read([&](beast::error_code got, std::size_t) { finish(got); });
    });
  });
  io.run_for(timeout);
  const std::string what = "Docker engine at " + path + ": " + std::string(req.method_string()) + " " +
                           std::string(req.target().substr(std::string(kApiVersion).size()));
  if (!done)
    throw EngineUnreachable(what + ": no answer within " + seconds_text(timeout));
  if (result && !connected) throw EngineUnreachable(no_engine_message(path) + " (" + result.message() + ")");
  if (result) throw EngineUnreachable(what + ": " + result.message());
}

}  // namespace

Reply DockerClient::request(const std::string& method, const std::string& target, const nlohmann::json& body) const {
  asio::io_context io;
  LocalSocket socket(io);
  http::request<http::string_body> req = make_request(method, target, body);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  exchange(io, socket, socket_, req, timeout_, [&](ReadDone done) { http::async_read(socket, buffer, res, done); });
  return {static_cast<int>(res.result_int()), std::move(res.body())};
}

OpenedStream DockerClient::open_stream(const std::string& target) const {
  asio::io_context io;
  LocalSocket socket(io);
  http::request<http::string_body> req = make_request("GET", target, nullptr);
  beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  exchange(io, socket, socket_, req, timeout_, [&](ReadDone done) { http::async_read_header(socket, buffer, parser, done); });
  if (parser.get().result_int() != 200)
    throw DockerError("the Docker engine refused GET " + target + ": status " + std::to_string(parser.get().result_int()));
  const auto rest = buffer.data();
  return {socket.release(), std::string(static_cast<const char*>(rest.data()), rest.size())};
}

bool DockerClient::ping() const {
  try {
    return request("GET", "/_ping").status == 200;
  } catch (const DockerError&) {
    return false;
  }
}

bool DockerClient::image_exists(const std::string& image) const {
  return request("GET", "/images/" + image + "/json").status == 200;
}

std::string DockerClient::create_container(const std::string& name, const nlohmann::json& config) const {
  const Reply r = request("POST", "/containers/create?name=" + url_encode(name), config);
  if (r.status != 201) throw DockerError("creating container " + name + ": " + message_of(r));
  return r.json().at("Id").get<std::string>();
}

void DockerClient::start_container(const std::string& id) const {
  const Reply r = request("POST", "/containers/" + id + "/start");
  if (r.status != 204 && r.status != 304) throw DockerError("starting container " + id + ": " + message_of(r));
}

void DockerClient::signal_container(const std::string& id, const std::string& signal) const {
  const Reply r = request("POST", "/containers/" + id + "/kill?signal=" + signal);
  // 409: not running any more (it exited on its own meanwhile) — nothing to signal.
  if (r.status != 204 && r.status != 409 && r.status != 404)
    throw DockerError("signalling container " + id + ": " + message_of(r));
}

nlohmann::json DockerClient::inspect_container(const std::string& id) const {
  const Reply r = request("GET", "/containers/" + id + "/json");
  if (r.status == 404) throw NoSuchContainer("inspecting container " + id + ": " + message_of(r));
  if (r.status != 200) throw DockerError("inspecting container " + id + ": " + message_of(r));
  return r.json();
}

std::string DockerClient::last_log_line(const std::string& id) const {
  const Reply r = request("GET", "/containers/" + id + "/logs?stdout=true&stderr=true&tail=1");
  // Without a TTY the log is multiplexed: frames of an 8-byte header (stream, 0, 0, 0, size as
  // 4 big-endian bytes) and the payload.
  std::string line;
  for (std::size_t at = 0; r.status == 200 && at + 8 <= r.body.size();) {
    const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(r.body[at + i])); };
    const std::size_t size = byte(4) << 24 | byte(5) << 16 | byte(6) << 8 | byte(7);
    line = r.body.substr(at + 8, size);
    at += 8 + size;
  }
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

void DockerClient::remove_container(const std::string& id) const {
  const Reply r = request("DELETE", "/containers/" + id + "?force=true&v=true");
  if (r.status != 204 && r.status != 404 && r.status != 409)
    throw DockerError("removing container " + id + ": " + message_of(r));
}

std::vector<std::string> DockerClient::containers_labelled(const std::string& label_filter) const {
  const nlohmann::json filters = {{"label", {label_filter}}};
  const Reply r = request("GET", "/containers/json?all=true&filters=" + url_encode(filters.dump()));
  if (r.status != 200) throw DockerError("listing containers: " + message_of(r));
  std::vector<std::string> ids;
  for (const auto& c : r.json()) ids.push_back(c.at("Id").get<std::string>());
  return ids;
}

std::map<std::string, std::string> DockerClient::label_values(const std::string& key) const {
  const nlohmann::json filters = {{"label", {key}}};
  const Reply r = request("GET", "/containers/json?all=true&filters=" + url_encode(filters.dump()));
  if (r.status != 200) throw DockerError("listing containers: " + message_of(r));
  std::map<std::string, std::string> values;
  for (const auto& c : r.json()) values[c.at("Id").get<std::string>()] = c.at("Labels").value(key, "");
  return values;
}

std::string no_engine_message(const std::string& socket_path) {
  return "no Docker engine answers at " + socket_path +
         ": start one (as root: `dockerd >/tmp/dockerd.log 2>&1 &`, or `systemctl start docker`; "
         "scripts/test does this), or install it with scripts/bootstrap (docker.io)";
}

}  // namespace harness::docker
