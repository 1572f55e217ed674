#include "harness/cli/command_line.h"

#include <iostream>

#include "harness/cli/usage_error.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

// Parses `args` against `options` plus the positional "file" option `all` adds, `count` times.
po::variables_map parse_with_files(const std::string& command, const std::vector<std::string>& args,
                                   const po::options_description& all, int count) {
  po::positional_options_description positional;
  positional.add("file", count);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(command + ": " + e.what());
  }
  return vm;
}

}  // namespace

po::variables_map parse_command_line(const std::string& command,
                                     const std::vector<std::string>& args,
                                     const po::options_description& options, std::string& file) {
  po::options_description all = options;
  all.add_options()("file", po::value(&file));
  return parse_with_files(command, args, all, 1);
}

po::variables_map parse_command_line(const std::string& command,
                                     const std::vector<std::string>& args,
                                     const po::options_description& options,
                                     std::vector<std::string>& files) {
  po::options_description all = options;
  all.add_options()("file", po::value(&files)->composing());
  return parse_with_files(command, args, all, -1);
}

bool printed_help(const po::variables_map& vm, const po::options_description& options) {
  if (!vm.count("help")) return false;
  std::cout << options << "\n";
  return true;
}

}  // namespace harness::cli
