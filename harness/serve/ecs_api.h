// The ECS JSON 1.1 protocol over HTTP: `POST /` with `X-Amz-Target:
// AmazonEC2ContainerServiceV20141113.<Operation>` and a JSON body, answered with the operation's
// JSON or ECS's error JSON ({"__type", "message"}, HTTP 400). The request's SigV4 signature is
// accepted whatever it is: the server is local and has no accounts.
//
// Requests under /_deploysim/ go to the control endpoint instead (control_endpoint.h), which is
// outside ECS's namespace. Every request is answered; none changes state unless it succeeds.
#pragma once

#include <string>
#include <vector>

#include "harness/serve/http_server.h"

namespace harness::serve {

class EcsState;
class Pacer;

inline constexpr const char* kTargetPrefix = "AmazonEC2ContainerServiceV20141113.";

// The operations served, by name, in the order the documentation lists them.
std::vector<std::string> served_operations();

class EcsApi {
 public:
  // Both must outlive the API. The pacer is asked to bring the simulations up to the present
  // before each request is answered.
  EcsApi(EcsState& state, Pacer& pacer) : state_(state), pacer_(pacer) {}

  HttpResponse handle(const HttpRequest& request);
  // The server whose counters the control endpoint reports (set once it exists).
  void report_counters_of(const HttpServer& server) { counters_ = &server.counters(); }

 private:
  const ServerCounters& counters() const;

  EcsState& state_;
  Pacer& pacer_;
  const ServerCounters* counters_ = nullptr;
};

}  // namespace harness::serve
