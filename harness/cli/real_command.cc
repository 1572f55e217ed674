#include "harness/cli/real_command.h"

#include <boost/program_options.hpp>
#include <sstream>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/run_output.h"
#include "harness/cli/usage_error.h"
#include "harness/docker/leftovers.h"
#include "harness/docker/real_run.h"
#include "harness/report/run_report.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct RealFlags {
  std::string file;
  double time_scale = 0.05;
  double horizon_seconds = -1;
  std::string events_path;
  std::string socket = docker::kDefaultSocket;
  bool json = false;
  bool quiet = false;
  bool cleanup = false;
  std::string cleanup_run;
  double engine_timeout_seconds = 30;
};

po::options_description real_options(RealFlags& f) {
  po::options_description d("deploysim real FILE [options] | deploysim real --cleanup\n\n"
                             "Plays FILE's timeline for real (its UpdateService calls and the deploy, each at its\n"
                             "time): the same controller drives local Docker containers of the chaos app (docker/),\n"
                             "each playing its app profile. Needs a Docker engine and\n"
                             "the image (cmake --build build --target chaos_image).\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("time-scale", po::value(&f.time_scale), "real seconds per scenario second (default 0.05: 30 s take 1.5 s)")
      ("horizon", po::value(&f.horizon_seconds), "override the horizon, in scenario seconds")
      ("events", po::value(&f.events_path), "write the event log as JSON lines to this file")
      ("json", po::bool_switch(&f.json), "print a JSON summary instead of the text report")
      ("quiet,q", po::bool_switch(&f.quiet), "print the setup and outcome, not the timeline")
      ("socket", po::value(&f.socket), "the Docker engine's socket (default /var/run/docker.sock)")
      ("engine-timeout", po::value(&f.engine_timeout_seconds),
       "seconds one Docker call may take before the engine counts as gone (default 30)")
      ("cleanup", po::bool_switch(&f.cleanup),
       "remove every container left by real runs that have ended (a run still going keeps its own), and exit")
      ("run", po::value(&f.cleanup_run), "with --cleanup: only the containers of this run id");
  return d;
}

// {"<task>": "ip:port"}: where the load balancer reached each task.
nlohmann::json target_addresses(const docker::RealRun& real) {
  nlohmann::json targets = nlohmann::json::object();
  for (const auto& [task, address] : real.target_addresses()) targets[std::to_string(task)] = address;
  return targets;
}

int cleanup(const RealFlags& f) {
  const docker::DockerClient client(f.socket);
  if (!client.ping()) throw docker::DockerError(docker::no_engine_message(f.socket));
  const docker::Cleanup done = docker::remove_leftovers(client, f.cleanup_run);
  std::cout << "removed " << done.removed << " container(s) labelled " << docker::kRunLabel
            << (f.cleanup_run.empty() ? "" : "=" + f.cleanup_run);
  if (!done.kept_runs.empty()) {
    std::cout << "; kept " << done.kept << " container(s) of runs still going (their process lives):";
    for (const std::string& run : done.kept_runs) std::cout << " " << run;
  }
  std::cout << "\n";
  return 0;
}

}  // namespace

int real_command(const std::vector<std::string>& args) {
  RealFlags f;
  po::options_description visible = real_options(f);
  const po::variables_map vm = parse_command_line("real", args, visible, f.file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (!(f.engine_timeout_seconds >= 0.1 && f.engine_timeout_seconds <= 3600))
    throw UsageError("real: --engine-timeout must be a number of seconds in [0.1, 3600]");
  if (vm.count("run") && !f.cleanup) throw UsageError("real: --run goes with --cleanup");
  if (f.cleanup) return cleanup(f);
  if (f.file.empty()) throw UsageError("real: expected a scenario FILE (or --cleanup)");
  if (!(f.time_scale > 0 && f.time_scale <= 10)) throw UsageError("real: --time-scale must be in (0, 10]");
  scenario::Loaded loaded = scenario::load_scenario_file(f.file);
  sim::model::Scenario& s = loaded.scenario;
  if (vm.count("horizon")) {
    if (!(f.horizon_seconds > 0 && f.horizon_seconds <= 1e7))
      throw UsageError("real: --horizon must be a number of seconds in (0, 1e7]");
    s.horizon = sim::Millis{static_cast<std::int64_t>(f.horizon_seconds * 1000)};
  }

  // Real mode runs every container on this machine: there is no Availability Zone to lose.
  for (const sim::model::Fault& fault : s.faults)
    if (fault.kind == sim::model::FaultKind::az_lost)
      throw UsageError("real: " + f.file + " has an az_lost fault, and real mode has no Availability Zones "
                       "(ecs-rules §12.6): simulate it with `deploysim run`");
  const std::chrono::milliseconds engine_timeout{static_cast<std::int64_t>(f.engine_timeout_seconds * 1000)};
  docker::RealRun real(s, f.file, {.time_scale = f.time_scale, .socket = f.socket, .engine_timeout = engine_timeout});
  const sim::observe::RunResult result = real.run();
  if (real.interrupted_by() != 0) {
    std::cerr << "deploysim: real run " << real.run_id() << " interrupted by signal " << real.interrupted_by()
              << "; removed its " << real.containers_removed() << " container(s)\n";
    return 128 + real.interrupted_by();
  }
  const report::RunReportInput in{s, result, real.trace(), real.breaker_threshold()};
  const nlohmann::json extra = {{"real",
                                 {{"run", real.run_id()},
                                  {"timeScale", f.time_scale},
                                  {"wallSeconds", real.wall_seconds()},
                                  {"containersRemoved", real.containers_removed()},
                                  {"eventStreamReopened", real.events_reopened()},
                                  {"targets", target_addresses(real)}}}};
  std::ostringstream footer;
  footer << "real mode: run " << real.run_id() << ", time scale " << f.time_scale << ", wall time "
         << real.wall_seconds() << " s, removed " << real.containers_removed() << " container(s)";
  if (real.events_reopened() > 0) footer << ", event stream reopened " << real.events_reopened() << " time(s)";
  return print_run_output("real", {f.events_path, f.json, f.quiet}, in, extra, footer.str());
}

}  // namespace harness::cli
