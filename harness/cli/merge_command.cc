#include "harness/cli/merge_command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "harness/cli/usage_error.h"
#include "harness/sweep/report_files.h"
#include "harness/sweep/sweep_result.h"

namespace harness::cli {
namespace po = boost::program_options;

int merge_command(const std::vector<std::string>& args) {
  std::string out_dir = "sweep-results";
  std::vector<std::string> files;
  bool quiet = false;
  po::options_description visible(
      "deploysim merge PARTIAL... [options]\n\n"
      "Joins the partial files of every shard of one sweep (deploysim sweep --shard K/N) and\n"
      "writes the same files an unsharded sweep writes.\n\nOptions");
  visible.add_options()("help,h", "this help")("out,o", po::value(&out_dir), "output directory (default sweep-results)")(
      "quiet,q", po::bool_switch(&quiet), "no summary");
  po::options_description all = visible;
  all.add_options()("partial", po::value(&files));
  po::positional_options_description positional;
  positional.add("partial", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string("merge: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (files.empty()) throw UsageError("merge: at least one PARTIAL file is required");
  std::vector<sweep::NamedPartial> partials;
  for (const std::string& file : files) partials.push_back({file, sweep::read_partial(file)});
  const sweep::SweepReport report = sweep::build_report(sweep::merge_partials(std::move(partials)));
  const std::vector<std::string> written = sweep::write_report_files(report, out_dir);
  if (quiet) return 0;
  sweep::print_summary(std::cout, report);
  for (const std::string& path : written) std::cout << "wrote " << path << "\n";
  return 0;
}

}  // namespace harness::cli
