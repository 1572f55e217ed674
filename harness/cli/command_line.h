// The command-line shape every subcommand shares: its options plus one positional FILE, parsed
// with Boost.Program_options, a mistake reported as a UsageError naming the subcommand.
#pragma once

#include <boost/program_options.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "harness/cli/usage_error.h"

namespace harness::cli {

// Parses `args` against `options` and one optional positional argument stored into `file`.
// Throws UsageError("<command>: <what Boost said>") on an unknown option or a bad value.
boost::program_options::variables_map parse_command_line(
    const std::string& command, const std::vector<std::string>& args,
    const boost::program_options::options_description& options, std::string& file);

// The same with any number of positional arguments, stored into `files` (lint FILE...).
boost::program_options::variables_map parse_command_line(
    const std::string& command, const std::vector<std::string>& args,
    const boost::program_options::options_description& options, std::vector<std::string>& files);

// Writes the file at `path` with `write(std::ostream&)`. Throws UsageError("<command>: cannot write
// the <what> to <path>") when it cannot be written (main() maps it to exit 2).
template <typename Write>
void write_output_file(const std::string& command, const std::string& path, const std::string& what, Write write);

// True (after printing `options` to standard output) when the command line asked for --help.
bool printed_help(const boost::program_options::variables_map& vm,
                  const boost::program_options::options_description& options);

template <typename Write>
void write_output_file(const std::string& command, const std::string& path, const std::string& what, Write write) {
  std::ofstream out(path);
  write(out);
  if (!out) throw UsageError(command + ": cannot write the " + what + " to " + path);
}

}  // namespace harness::cli
