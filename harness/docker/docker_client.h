// A small client of the Docker Engine API (v1.41) over the engine's unix socket, with
// Boost.Beast: one HTTP/1.1 request per connection, JSON in and out. Only what real mode needs:
// ping, images, containers (create, start, signal, inspect, list by label, remove).
//
// Every container real mode creates carries the label kRunLabel=<run id>; list and remove are
// given label filters so nothing else on the engine is ever touched.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace harness::docker {

inline constexpr const char* kDefaultSocket = "/var/run/docker.sock";
inline constexpr const char* kApiVersion = "/v1.41";
inline constexpr const char* kRunLabel = "deploysim.run";

// The engine could not be reached, or answered a request with an error status.
class DockerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Reply {
  int status = 0;
  std::string body;
  nlohmann::json json() const;  // the body parsed (null when empty)
};

class DockerClient {
 public:
  explicit DockerClient(std::string socket_path = kDefaultSocket) : socket_(std::move(socket_path)) {}

  const std::string& socket_path() const { return socket_; }

  // One request; `target` is the path after the API version ("/containers/json"). Throws
  // DockerError when the socket cannot be reached.
  Reply request(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr) const;

  // True when an engine answers GET /_ping.
  bool ping() const;
  bool image_exists(const std::string& image) const;

  // Creates a container from `config` (the Engine API's ContainerConfig with HostConfig) and
  // returns its id. Throws DockerError with the engine's message on failure.
  std::string create_container(const std::string& name, const nlohmann::json& config) const;
  void start_container(const std::string& id) const;
  // Sends `signal` ("SIGTERM", "SIGKILL"); a container that is no longer running is not an error.
  void signal_container(const std::string& id, const std::string& signal) const;
  nlohmann::json inspect_container(const std::string& id) const;
  // The last line the container wrote (stdout or stderr), "" when none.
  std::string last_log_line(const std::string& id) const;
  // Removes the container (force: kills it first); one that is already gone is not an error.
  void remove_container(const std::string& id) const;
  // Ids of every container (running or not) that has label `key` (any value) or `key=value`.
  std::vector<std::string> containers_labelled(const std::string& label_filter) const;

 private:
  std::string socket_;
};

// Percent-encodes `text` for a query string.
std::string url_encode(const std::string& text);

// The error message when no engine answers, with how to start one.
std::string no_engine_message(const std::string& socket_path);

}  // namespace harness::docker
