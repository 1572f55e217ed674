// The rolling bake window (sim/ecs/bake.h; ecs-rules §2, open q. 6): deployment-alarm-failure.html
// says ECS bakes a rolling deployment with alarms for a window it "computes from the alarm
// configuration", "less than 5 minutes" by default, and that bakeTimeInMinutes can set it.
#include <catch2/catch.hpp>

#include "sim/ecs/bake.h"

namespace {

sim::model::AlarmDefinition alarm(const std::string& name, int period_s, int evaluation_periods) {
  sim::model::AlarmDefinition a;
  a.name = name;
  a.period = sim::seconds(period_s);
  a.evaluation_periods = evaluation_periods;
  return a;
}

sim::model::DeploymentConfiguration watching(std::vector<std::string> names) {
  sim::model::DeploymentConfiguration c;
  c.alarms.enable = true;
  c.alarms.rollback = true;
  c.alarms.alarm_names = std::move(names);
  return c;
}

}  // namespace

TEST_CASE("without bakeTimeInMinutes a rolling deployment with alarms bakes for its slowest alarm's window") {
  const std::vector<sim::model::AlarmDefinition> alarms = {alarm("5xx", 60, 3), alarm("latency", 30, 2),
                                                           alarm("unwatched", 300, 5)};
  // 60 s x 3 beats 30 s x 2; the alarm the deployment does not watch does not count.
  CHECK(sim::ecs::rolling_bake_window(watching({"5xx", "latency"}), alarms) == sim::seconds(180));
  CHECK(sim::ecs::rolling_bake_window(watching({"latency"}), alarms) == sim::seconds(60));
}

TEST_CASE("the computed rolling bake stays under ECS's published 5-minute default") {
  const std::vector<sim::model::AlarmDefinition> alarms = {alarm("slow", 300, 5)};
  CHECK(sim::ecs::rolling_bake_window(watching({"slow"}), alarms) == sim::minutes(5));
}

TEST_CASE("a given bakeTimeInMinutes wins, 0 included; without alarm monitoring there is no bake") {
  const std::vector<sim::model::AlarmDefinition> alarms = {alarm("5xx", 60, 3)};
  sim::model::DeploymentConfiguration c = watching({"5xx"});
  c.bake_time = sim::minutes(10);
  c.bake_time_given = true;
  CHECK(sim::ecs::rolling_bake_window(c, alarms) == sim::minutes(10));
  c.bake_time = sim::minutes(0);
  CHECK(sim::ecs::rolling_bake_window(c, alarms) == sim::Millis{0});
  c.alarms.enable = false;
  c.bake_time_given = false;
  CHECK(sim::ecs::rolling_bake_window(c, alarms) == sim::Millis{0});
}
