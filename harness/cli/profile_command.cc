#include "harness/cli/profile_command.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/usage_error.h"
#include "harness/docker/image_profiler.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

std::map<std::string, std::string> environment_of(const std::vector<std::string>& pairs) {
  std::map<std::string, std::string> env;
  for (const std::string& pair : pairs) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) throw UsageError("profile: --env expects NAME=VALUE, found \"" + pair + "\"");
    env[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return env;
}

}  // namespace

int profile_command(const std::vector<std::string>& args) {
  std::string image;
  std::vector<std::string> env;
  int duration = 120;
  std::string out;
  docker::ProfileOptions o;
  po::options_description visible("deploysim profile IMAGE [options]\n\n"
                                  "Runs a local image (never pulled) a few times, unscaled, and measures what the\n"
                                  "simulator needs: time to the first listening port, to a passing health check,\n"
                                  "memory over time, exit code and OOM kill. Prints the runs and writes the app\n"
                                  "profile (a scenario \"apps\" member, with runImage) to --out or stdout.\n\nOptions");
  visible.add_options()("help,h", "this help")
      ("env", po::value(&env)->composing(), "NAME=VALUE for the container's environment (repeatable)")
      ("memory", po::value(&o.memory_limit_mib), "hard memory limit in MiB, no swap (default none)")
      ("duration", po::value(&duration), "seconds each run is watched (default 120, 1-3600)")
      ("runs", po::value(&o.runs), "runs, for the start-up jitter (default 3, 1-20)")
      ("port", po::value(&o.port), "the port to wait for (default: the image's first exposed TCP port)")
      ("health-path", po::value(&o.health_path), "an HTTP path whose 200 is the passing check (default: the image's HEALTHCHECK)")
      ("out", po::value(&out), "write the profile JSON here");
  const po::variables_map vm = parse_command_line("profile", args, visible, image);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (image.empty()) throw UsageError("profile: expected an IMAGE");
  if (duration < 1 || duration > 3600) throw UsageError("profile: --duration must be 1-3600 seconds");
  if (o.runs < 1 || o.runs > 20) throw UsageError("profile: --runs must be 1-20");
  if (o.memory_limit_mib < 0 || o.port < 0 || o.port > 65535) throw UsageError("profile: --memory and --port must be positive");
  o.image = image;
  o.environment = environment_of(env);
  o.duration = std::chrono::seconds(duration);
  const docker::ImageProfile profile = docker::profile_image(docker::DockerClient(), o);
  std::cerr << docker::describe_profile(profile);
  const std::string text = nlohmann::json{{image, profile.app}}.dump(2) + "\n";
  if (out.empty()) {
    std::cout << text;
  } else {
    std::ofstream file(out);
    if (!(file << text)) throw UsageError("profile: cannot write the profile to " + out);
  }
  return 0;
}

}  // namespace harness::cli
