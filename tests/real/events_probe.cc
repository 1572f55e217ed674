// events_probe SOCKET RUN_ID SECONDS: follows the engine's events for containers labelled
// deploysim.run=RUN_ID through harness/docker/docker_events.h for SECONDS, printing one line per
// event delivered ("die <id> <exit code>", "start <id>") and "reopened" each time the stream was
// reopened. real_test.sh's events-replay case cuts the stream under it and checks the lines.
#include <iostream>
#include <string>

#include "harness/docker/docker_events.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: events_probe SOCKET RUN_ID SECONDS\n";
    return 2;
  }
  namespace docker = harness::docker;
  docker::asio::io_context io;
  const docker::DockerClient client(argv[1], std::chrono::seconds(5));
  try {
    docker::DockerEvents events(
        io, client, argv[2],
        [](const docker::ContainerEvent& e) {
          std::cout << e.action << " " << e.container.substr(0, 12) << (e.action == "die" ? " " + std::to_string(e.exit_code) : "")
                    << std::endl;
        },
        [] { std::cout << "reopened" << std::endl; });
    std::cout << "following" << std::endl;
    io.run_for(std::chrono::milliseconds(static_cast<long>(std::stod(argv[3]) * 1000)));
  } catch (const docker::DockerError& e) {
    std::cout << "error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
