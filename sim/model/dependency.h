// External dependencies the apps connect to (Redis, Postgres, Kafka, ZooKeeper, APIs), as data.
#pragma once

#include <string>
#include <vector>

#include "sim/engine/time.h"

namespace sim::model {

struct TimeWindow {
  Millis from;
  Millis to;  // exclusive
};

struct DependencyProfile {
  std::string name;
  // When it becomes ready after the run starts: uniform in [ready_after_min, ready_after_max]
  // (a distribution, for CI services that are not ready in 30 s; seed 003).
  Millis ready_after_min = seconds(0);
  Millis ready_after_max = seconds(0);
  bool reachable = true;           // false: never reachable (a wrong URL, a missing scheme)
  std::vector<TimeWindow> outages;  // down during these windows
  // The variable whose value is the URL apps connect with ("REDIS_URL"), and the schemes their
  // client accepts (redis-py: redis, rediss, unix; empty: any). A container whose value has
  // another scheme or none cannot connect (seed 002); an unknown value is taken to work.
  std::string url_variable;
  std::vector<std::string> schemes;
};

}  // namespace sim::model
