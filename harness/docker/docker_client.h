// A small client of the Docker Engine API (v1.41) over the engine's unix socket, with
// Boost.Beast: one HTTP/1.1 request per connection, JSON in and out. Only what real mode needs:
// ping, images, containers (create, start, signal, inspect, list by label, remove), and the
// opening of a streamed answer (the event stream).
//
// Every call is bounded in real time (the client's timeout): an engine that hangs is an engine
// that is gone, so no call of real mode can block a run, or its clean-up, for ever.
//
// Every container real mode creates carries the label kRunLabel=<run id>; list and remove are
// given label filters so nothing else on the engine is ever touched.
#pragma once

#include <chrono>
#include <map>
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

// The engine did not answer at all: nothing listens at the socket, the connection broke, or no
// answer came within the timeout. A run cannot go on without its engine (real_run.h), whereas an
// error status is the engine's answer to one request.
class EngineUnreachable : public DockerError {
 public:
  using DockerError::DockerError;
};

// The engine answered 404 for a container: it does not exist (any more).
class NoSuchContainer : public DockerError {
 public:
  using DockerError::DockerError;
};

// A streamed answer whose header has been read: the connected socket's file descriptor (the
// caller owns it) and the body's first bytes, read along with the header.
struct OpenedStream {
  int fd = -1;
  std::string first_bytes;
};

struct Reply {
  int status = 0;
  std::string body;
  nlohmann::json json() const;  // the body parsed (null when empty)
};

class DockerClient {
 public:
  // `timeout`: how long one call may take, connection to last byte (default 30 s: a create or a
  // forced remove takes well under a second on an idle engine, seconds on a loaded one).
  explicit DockerClient(std::string socket_path = kDefaultSocket,
                        std::chrono::milliseconds timeout = std::chrono::seconds(30))
      : socket_(std::move(socket_path)), timeout_(timeout) {}

  const std::string& socket_path() const { return socket_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

  // One request; `target` is the path after the API version ("/containers/json"). Throws
  // EngineUnreachable when no answer comes (see above).
  Reply request(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr) const;
  // A GET whose answer streams on (GET /events): returns once the header has come, status 200,
  // within the timeout. EngineUnreachable when no answer comes, DockerError for another status.
  OpenedStream open_stream(const std::string& target) const;

  // True when an engine answers GET /_ping.
  bool ping() const;
  bool image_exists(const std::string& image) const;

  // Creates a container from `config` (the Engine API's ContainerConfig with HostConfig) and
  // returns its id. Throws DockerError with the engine's message on failure.
  std::string create_container(const std::string& name, const nlohmann::json& config) const;
  void start_container(const std::string& id) const;
  // Sends `signal` ("SIGTERM", "SIGKILL"); a container that is no longer running is not an error.
  void signal_container(const std::string& id, const std::string& signal) const;
  // Throws NoSuchContainer when the engine has no such container.
  nlohmann::json inspect_container(const std::string& id) const;
  // The last line the container wrote (stdout or stderr), "" when none.
  std::string last_log_line(const std::string& id) const;
  // Removes the container (force: kills it first); one that is already gone is not an error.
  void remove_container(const std::string& id) const;
  // Ids of every container (running or not) that has label `key` (any value) or `key=value`.
  std::vector<std::string> containers_labelled(const std::string& label_filter) const;
  // Every container (running or not) with label `key`, and that label's value, by id.
  std::map<std::string, std::string> label_values(const std::string& key) const;

 private:
  std::string socket_;
  std::chrono::milliseconds timeout_;
};

// Percent-encodes `text` for a query string.
std::string url_encode(const std::string& text);

// The error message when no engine answers, with how to start one.
std::string no_engine_message(const std::string& socket_path);

}  // namespace harness::docker
