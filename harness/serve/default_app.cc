#include "harness/serve/default_app.h"

namespace harness::serve {

sim::model::AppProfile default_app(const std::string& image, int port) {
  sim::model::AppProfile app;
  app.image = image;
  sim::model::StartupPhase start;
  start.name = "start";
  start.duration = sim::seconds(5);
  app.phases.push_back(start);
  if (port > 0) app.port = port;
  // A target group's or a container check's path: any of these answers 200 once started.
  for (const char* path : {"/", "/health", "/healthz", "/health/live", "/health/ready", "/ready", "/ping", "/status"}) {
    app.endpoints[path].kind = sim::model::EndpointKind::ready;
  }
  return app;
}

}  // namespace harness::serve
