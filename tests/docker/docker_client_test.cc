// harness/docker/docker_client: an engine that is not there or does not answer is EngineUnreachable,
// within the client's timeout; docker_events: the `since` parameter's format.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <unistd.h>

#include "harness/docker/docker_client.h"
#include "harness/docker/docker_events.h"

namespace docker = harness::docker;

namespace {

std::string temp_socket_path(const char* name) {
  return "/tmp/deploysim-client-test-" + std::to_string(getpid()) + "-" + name + ".sock";
}

}  // namespace

TEST_CASE("a socket nobody listens at is EngineUnreachable, saying how to start an engine") {
  // Given no engine at the path, when a request is made, then it throws at once the no-engine message.
  const docker::DockerClient client(temp_socket_path("none"), std::chrono::seconds(5));
  try {
    client.request("GET", "/_ping");
    FAIL("no exception");
  } catch (const docker::EngineUnreachable& e) {
    CHECK_THAT(e.what(), Catch::Contains("no Docker engine answers at /tmp/deploysim-client-test-"));
  }
  CHECK_FALSE(client.ping());
}

TEST_CASE("an engine that accepts but never answers is EngineUnreachable after the timeout") {
  // Given a listening socket that never answers (the kernel accepts the connection), when a
  // request is made with a 200 ms timeout, then it gives up after about that long, naming the call.
  const std::string path = temp_socket_path("silent");
  std::remove(path.c_str());
  docker::asio::io_context io;
  docker::asio::local::stream_protocol::acceptor silent(io, docker::asio::local::stream_protocol::endpoint(path));
  const docker::DockerClient client(path, std::chrono::milliseconds(200));
  const auto began = std::chrono::steady_clock::now();
  try {
    client.request("POST", "/containers/abc/start");
    FAIL("no exception");
  } catch (const docker::EngineUnreachable& e) {
    CHECK_THAT(e.what(), Catch::Equals("Docker engine at " + path + ": POST /containers/abc/start: no answer within 0.2 s"));
  }
  const auto took = std::chrono::steady_clock::now() - began;
  CHECK(took >= std::chrono::milliseconds(200));
  CHECK(took < std::chrono::seconds(5));
  CHECK_THROWS_AS(client.open_stream("/events"), docker::EngineUnreachable);
  std::remove(path.c_str());
}

TEST_CASE("the since parameter is seconds and nine digits of nanoseconds") {
  CHECK(docker::since_parameter(1795785277038303153) == "1795785277.038303153");
  CHECK(docker::since_parameter(1'000'000'007) == "1.000000007");
}
