#include "harness/cli/train_command.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "harness/cli/usage_error.h"
#include "harness/scenario/scenario_error.h"
#include "harness/train/session.h"

namespace harness::cli {
namespace po = boost::program_options;

int train_command(const std::vector<std::string>& args) {
  std::string library = "scenarios/incidents";
  train::SessionOptions options;
  po::options_description visible(
      "deploysim train [INCIDENT...] [options]\n\n"
      "An interactive session over the incident library: for each incident, predict how the\n"
      "deploy ends, when, and which check fires first; watch the timeline with each rule as it\n"
      "fires; get scored; then see the fix replayed. Without INCIDENT (a file name such as\n"
      "000-oom-128mb, or a number from the list) it offers a menu. Answers are read line by\n"
      "line from standard input, so they can be piped in.\n\nOptions");
  visible.add_options()("help,h", "this help")(
      "library", po::value(&library), "the incident folder (default scenarios/incidents)")(
      "steps", po::value(&options.max_steps), "timeline steps shown before the rest is summed up (default 40)");
  po::options_description all = visible;
  all.add_options()("incident", po::value(&options.incidents));
  po::positional_options_description positional;
  positional.add("incident", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string("train: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  train::Library lib;
  try {
    lib = train::load_library(library);
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const scenario::ScenarioError*>(&e) != nullptr) throw;
    throw UsageError(std::string("train: ") + e.what());
  }
  // NO_COLOR (no-color.org): any non-empty value turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  const bool color = isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
  train::Console console(std::cin, std::cout, color, isatty(STDIN_FILENO) != 0);
  return train::run_session(lib, console, options);
}

}  // namespace harness::cli
