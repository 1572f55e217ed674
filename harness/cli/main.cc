// deploysim: the command-line front end. Each subcommand lives in its own file; this one only
// dispatches and maps errors to exit codes (0 ok, 1 expectation failed, 2 bad input, 3 internal
// error). A Docker engine that is missing, or fails a real run midway, is exit 2 too: like bad
// input, the run could not be judged — never 1, which says the deploy itself failed.
#include <iostream>
#include <string>
#include <vector>

#include "harness/cli/check_command.h"
#include "harness/cli/compare_command.h"
#include "harness/cli/diff_command.h"
#include "harness/cli/explain_command.h"
#include "harness/cli/init_command.h"
#include "harness/cli/lint_command.h"
#include "harness/cli/merge_command.h"
#include "harness/cli/real_command.h"
#include "harness/cli/report_command.h"
#include "harness/docker/docker_client.h"
#include "harness/cli/run_command.h"
#include "harness/cli/sweep_command.h"
#include "harness/cli/train_command.h"
#include "harness/cli/usage_error.h"
#include "harness/scenario/scenario_error.h"

namespace {

constexpr const char* kUsage =
    "deploysim: replay and explore ECS deployments without touching AWS\n\n"
    "usage: deploysim <command> [args]\n\n"
    "commands:\n"
    "  run [FILE]   simulate a scenario (the built-in default without FILE)\n"
    "  explain [FILE]  why the deploy ended as it did, and the smallest change that alters it\n"
    "  report [FILE] -o OUT.html  a self-contained HTML page: lanes per task, charts, events, why\n"
    "  train [INCIDENT...]  predict, watch and fix the library's incidents (answers on stdin)\n"
    "  init SOURCE... [-o OUT]  a scenario from a Terraform plan, CloudFormation/CDK, ecspresso or live exports\n"
    "  lint FILE    check a scenario before deploying it (exit 1 on errors)\n"
    "  sweep FILE   evaluate settings over many deploys (all cores; --shard K/N for a cluster)\n"
    "  sweep BASE.json --axis NAME=POINTER:v1,v2  the same without a sweep file\n"
    "  merge PARTIAL...  join a sharded sweep's partial files into its report\n"
    "  real FILE    play the deploy for real on local Docker containers (real --cleanup: remove leftovers)\n"
    "  compare FILE run it simulated and real; do the outcomes agree, how do order and timings differ\n"
    "  check FILE   explore the faults FILE declares; exit 1 when an intent is violated\n"
    "  diff BASE HEAD  what a change does to deploys, measured (exit 1 when worse on --fail-on)\n\n"
    "`deploysim <command> --help` shows a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "run") return harness::cli::run_command(args);
    if (command == "lint") return harness::cli::lint_command(args);
    if (command == "init") return harness::cli::init_command(args);
    if (command == "explain") return harness::cli::explain_command(args);
    if (command == "report") return harness::cli::report_command(args);
    if (command == "train") return harness::cli::train_command(args);
    if (command == "sweep") return harness::cli::sweep_command(args);
    if (command == "merge") return harness::cli::merge_command(args);
    if (command == "real") return harness::cli::real_command(args);
    if (command == "compare") return harness::cli::compare_command(args);
    if (command == "check") return harness::cli::check_command(args);
    if (command == "diff") return harness::cli::diff_command(args);
    std::cerr << "deploysim: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
  } catch (const harness::scenario::ScenarioError& e) {
    std::cerr << "deploysim: " << e.what() << "\n";
    return 2;
  } catch (const harness::docker::DockerError& e) {
    std::cerr << "deploysim: " << e.what() << "\n";
    return 2;
  } catch (const harness::cli::UsageError& e) {
    std::cerr << "deploysim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "deploysim: internal error: " << e.what() << "\n";
    return 3;
  }
}
