// The command-line shape every subcommand shares: its options plus one positional FILE, parsed
// with Boost.Program_options, a mistake reported as a UsageError naming the subcommand.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

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

// True (after printing `options` to standard output) when the command line asked for --help.
bool printed_help(const boost::program_options::variables_map& vm,
                  const boost::program_options::options_description& options);

}  // namespace harness::cli
