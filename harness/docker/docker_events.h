// Follows the Docker engine's event stream (GET /events, filtered to one run's label) on the
// run's io_context and hands each container event — die (with its exit code), oom,
// health_status — to a callback, as it happens.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "harness/docker/asio.h"

namespace harness::docker {

struct ContainerEvent {
  std::string action;     // "die", "oom", "health_status: healthy", "start" ...
  std::string container;  // id
  int exit_code = -1;     // for "die"
};

class DockerEvents {
 public:
  // Connects and asks for the events of containers labelled kRunLabel=`run_id`, from now on.
  // Throws DockerError when the engine does not answer.
  DockerEvents(asio::io_context& io, const std::string& socket_path, const std::string& run_id,
               std::function<void(const ContainerEvent&)> on_event);
  ~DockerEvents();

  // Stops following (pending reads end quietly).
  void close();

 private:
  struct Stream;
  std::shared_ptr<Stream> stream_;
};

}  // namespace harness::docker
