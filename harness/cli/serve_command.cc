#include "harness/cli/serve_command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/scenario_input.h"
#include "harness/cli/usage_error.h"
#include "harness/docker/own_image.h"
#include "harness/docker/real_run.h"
#include "harness/scenario/document.h"
#include "harness/serve/ecs_api.h"
#include "harness/serve/ecs_server.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct ServeFlags {
  std::string file;
  serve::ServeOptions options;
  int port = 4566;
  bool no_service = false;
  bool real = false;
  std::string socket = docker::kDefaultSocket;
};

// serve --real plays each service on Docker; its --time-scale keeps serve's meaning (run seconds
// per wall second), which is 1 / real's (real seconds per run second): 20 here is real's 0.05.
constexpr double kRealDefaultTimeScale = 20;

serve::RealServing real_serving(const ServeFlags& f, const sim::model::Scenario& scenario) {
  serve::RealServing real;
  real.options.time_scale = 1.0 / f.options.time_scale;
  real.options.socket = f.socket;
  if (f.file.empty()) return real;
  docker::check_real_mode_can_play(scenario, f.file);
  try {
    real.own_images = docker::read_own_images(f.file).images;
    const scenario::Document file = scenario::Document::from_file(f.file);
    if (file.root().contains("taskDefinitions") && file.root()["taskDefinitions"].is_array())
      real.file_task_definitions = file.root()["taskDefinitions"].get<std::vector<nlohmann::json>>();
  } catch (const scenario::ScenarioError&) {
    // A configuration the readers read (Terraform, CloudFormation ...) marks no runImage.
  }
  return real;
}

po::options_description serve_options(ServeFlags& f) {
  po::options_description d(
      "deploysim serve [SCENARIO] [options]\n\n"
      "Serves the ECS API (JSON 1.1, X-Amz-Target AmazonEC2ContainerServiceV20141113.<Operation>) on\n"
      "http://127.0.0.1:PORT, backed by the simulator, for `aws --endpoint-url` and SDK clients. It\n"
      "ACCEPTS ANY SigV4 SIGNATURE (any keys work): it is meant for your machine, which is why it listens\n"
      "on 127.0.0.1 unless --host says otherwise. SCENARIO (or the built-in default) supplies what AWS\n"
      "does not know: the apps' behaviour, dependencies, platform timing, target group; its task\n"
      "definitions are registered and its service runs on its initial task definition. Each\n"
      "UpdateService becomes an action on that service's simulation, whose clock runs at the wall clock\n"
      "times --time-scale. The control endpoint (POST /_deploysim/advance {\"seconds\": N}, GET\n"
      "/_deploysim/state, GET /_deploysim/trace?cluster=C&service=S, GET /_deploysim/target-health?…)\n"
      "moves time at once and shows the trace. docs/serve.md lists the operations served.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("port", po::value(&f.port), "TCP port (default 4566; 0 picks a free one, printed at start)")
      ("host", po::value(&f.options.host), "address to listen on (default 127.0.0.1)")
      ("time-scale", po::value(&f.options.time_scale),
       "simulated seconds per wall second (default 60; 0: time moves only through the control endpoint)")
      ("no-service", po::bool_switch(&f.no_service),
       "do not create the scenario's service: start with task definitions only")
      ("max-connections", po::value(&f.options.limits.max_connections),
       "connections served at once; more get 503 (default 256)")
      ("real", po::bool_switch(&f.real),
       "play every service for real: its tasks are local Docker containers (the chaos app, or the image "
       "itself for apps marked runImage), as `deploysim real` runs them; time runs at the wall clock times "
       "--time-scale (default 20 here, 0.1-100; `real --time-scale 0.05` is 20) and cannot be advanced; "
       "DeleteService and SIGINT/SIGTERM remove the containers (docs/serve.md)")
      ("socket", po::value(&f.socket), "with --real: the Docker engine's socket (default /var/run/docker.sock)");
  return d;
}

}  // namespace

int serve_command(const std::vector<std::string>& args) {
  ServeFlags f;
  po::options_description visible = serve_options(f);
  const po::variables_map vm = parse_command_line("serve", args, visible, f.file);
  if (printed_help(vm, visible)) return 0;
  if (f.port < 0 || f.port > 65535) throw UsageError("serve: --port must be 0-65535");
  if (!(f.options.time_scale >= 0 && f.options.time_scale <= 100'000))
    throw UsageError("serve: --time-scale must be a number in [0, 100000]");
  if (vm.count("socket") && !f.real) throw UsageError("serve: --socket goes with --real");
  if (f.real && !vm.count("time-scale")) f.options.time_scale = kRealDefaultTimeScale;
  if (f.real && !(f.options.time_scale >= 0.1 && f.options.time_scale <= 100))
    throw UsageError("serve: with --real, --time-scale must be a number in [0.1, 100] (real containers cannot stand "
                     "still, nor start and check health faster than that)");
  if (f.options.limits.max_connections < 1 || f.options.limits.max_connections > 10'000)
    throw UsageError("serve: --max-connections must be 1-10000");
  f.options.port = static_cast<unsigned short>(f.port);
  f.options.create_scenario_service = !f.no_service;
  const scenario::Loaded loaded = load_scenario_or_default(f.file);
  if (f.real) f.options.real = real_serving(f, loaded.scenario);
  try {
    return serve::serve(loaded.scenario, f.options, [&](unsigned short port) {
      std::cout << "deploysim serve: ECS API on http://" << f.options.host << ":" << port << " (time scale "
                << f.options.time_scale << ", scenario " << loaded.scenario.name
                << (f.real ? ", real: Docker containers labelled deploysim.run" : "") << ")" << std::endl;
    });
  } catch (const boost::system::system_error& e) {
    throw UsageError("serve: cannot listen on " + f.options.host + ":" + std::to_string(f.port) + ": " + e.what());
  }
}

}  // namespace harness::cli
