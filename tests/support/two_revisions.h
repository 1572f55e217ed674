// A service of `desired` tasks with two revisions, web:1 (image app:1) and web:2 (image app:2),
// one essential container "app" each, no load balancer, no health check: the smallest scenario
// the controller's and the world's unit tests build on. The apps are plain profiles.
#pragma once

#include <string>

#include "sim/model/scenario.h"

namespace testsupport {

inline sim::model::Scenario two_revisions(int desired) {
  sim::model::Scenario s;
  s.name = "two-revisions";
  s.service.name = "web";
  s.service.desired_count = desired;
  for (int revision : {1, 2}) {
    sim::model::TaskDefinition td;
    td.family = "web";
    td.revision = revision;
    sim::model::ContainerDefinition app;
    app.name = "app";
    app.image = "app:" + std::to_string(revision);
    td.containers.push_back(app);
    s.task_definitions.push_back(td);
    s.apps[app.image] = sim::model::AppProfile{};
  }
  return s;
}

}  // namespace testsupport
