// `chaos dependency`: a stand-in for a Redis / ZooKeeper / Kafka style dependency. It accepts TCP
// connections on its port while it is up, and closes its listener (connections are refused)
// during its down windows: not ready yet at the start, scripted outages. The driver hands it the
// same windows the simulator's DependencySchedule computes for the scenario's seed.
#pragma once

namespace chaos {

// Runs until killed. Reads kDependencyPortVar, kDependencyDownVar and the time scale.
[[noreturn]] void run_dependency_standin();

}  // namespace chaos
