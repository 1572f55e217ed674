#include "harness/cli/sweep_command.h"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <thread>

#include "harness/cli/command_line.h"
#include "harness/cli/progress_bar.h"
#include "harness/cli/scenario_input.h"
#include "harness/cli/usage_error.h"
#include "harness/sweep/report_files.h"
#include "harness/sweep/shard.h"
#include "harness/sweep/sweep_flags.h"
#include "harness/sweep/sweep_runner.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct SweepFlags {
  std::string file;
  std::string out = "sweep-results";
  int threads = 0;
  std::string shard;
  int runs = 0;
  std::int64_t seed = -1;
  bool quiet = false;
  sweep::SweepFlags sweep;  // --axis, --fault, --bad-percent
  double bad_percent = -1;
  ScenarioInputFlags input;  // a base that is the user's configuration
};

po::options_description sweep_options(SweepFlags& f) {
  po::options_description d(
      "deploysim sweep FILE [options]\n"
      "deploysim sweep BASE.json --axis [NAME=]POINTER:VALUES... [--fault NAME=POINTER=VALUE...] [options]\n\n"
      "Runs the sweep FILE (scenarios/sweeps/README.md): every cell of its grid of settings over\n"
      "the same population of deploys. Writes <name>.csv, .json, .html and -frontier.svg /\n"
      "-heatmap.svg (and -errors-heatmap.svg with traffic) into --out. With --shard K/N, or\n"
      "inside a job array (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX),\n"
      "runs one slice and writes <name>.part-K-of-N.json for `deploysim merge`.\n\n"
      "Without a sweep file, FILE is a base scenario and --axis flags make the grid, e.g.\n"
      "  --axis grace=/service/healthCheckGracePeriodSeconds:0,60,120\n"
      "  --axis /service/deploymentConfiguration/bakeTimeInMinutes:0..10/5\n"
      "With a sweep file, --axis replaces its axes, --fault its fault classes.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("out,o", po::value(&f.out), "output directory (default sweep-results)")
      ("threads,j", po::value(&f.threads), "worker threads (default: all cores); results do not depend on it")
      ("shard", po::value(&f.shard), "run slice K of N (0-based), write a partial file")
      ("axis", po::value(&f.sweep.axes), "an axis: [NAME=]POINTER:v1,v2,... or [NAME=]POINTER:FROM..TO[/STEP]")
      ("fault", po::value(&f.sweep.faults), "a kind of bad deploy: NAME=POINTER=VALUE (repeat a NAME for more changes)")
      ("bad-percent", po::value(&f.bad_percent), "override the population's badPercent (0-100)")
      ("runs-per-cell", po::value(&f.runs), "override runsPerCell")
      ("runs", po::value(&f.runs), "the same as --runs-per-cell")
      ("seed", po::value(&f.seed), "override the sweep's seed")
      ("quiet,q", po::bool_switch(&f.quiet), "no progress bar and no summary");
  add_scenario_input_options(d, f.input);
  return d;
}

std::optional<sweep::Shard> chosen_shard(const SweepFlags& f) {
  std::string error;
  if (!f.shard.empty()) {
    auto shard = sweep::parse_shard(f.shard, error);
    if (!shard) throw UsageError("sweep: --shard: " + error);
    return shard;
  }
  auto shard = sweep::shard_from_environment([](const char* name) { return std::getenv(name); }, error);
  if (!error.empty()) throw UsageError("sweep: " + error);
  return shard;
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  SweepFlags f;
  const po::options_description visible = sweep_options(f);
  const po::variables_map vm = parse_command_line("sweep", args, visible, f.file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (f.file.empty()) throw UsageError("sweep: a sweep FILE or a base scenario with --axis is required (see scenarios/sweeps/)");
  if (vm.count("threads") && f.threads < 1) throw UsageError("sweep: --threads must be 1 or more");
  if ((vm.count("runs") || vm.count("runs-per-cell")) && (f.runs < 1 || f.runs > 1000000))
    throw UsageError("sweep: --runs-per-cell must be 1-1000000");
  if (vm.count("bad-percent")) f.sweep.bad_percent = f.bad_percent;
  f.sweep.read = f.input.read_options();
  if (vm.count("seed") && f.seed < 0) throw UsageError("sweep: --seed must be 0 or more");
  sweep::SweepSpec spec = sweep::read_sweep(f.file, f.sweep);
  if (f.runs > 0) spec.runs_per_cell = f.runs;
  if (f.seed >= 0) spec.seed = static_cast<std::uint64_t>(f.seed);
  const int threads = f.threads > 0 ? f.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const std::optional<sweep::Shard> shard = chosen_shard(f);

  sweep::SweepResult result;
  result.header = sweep::sweep_header(spec);
  result.shard_index = shard ? shard->index : 0;
  result.shard_count = shard ? shard->count : 1;
  const sweep::RunSlice slice = sweep::shard_slice(spec.run_count(), result.shard_index, result.shard_count);
  result.first_run = slice.begin;
  {
    ProgressBar bar(!f.quiet && ProgressBar::stderr_is_terminal());
    result.records = sweep::run_slice(spec, slice, threads, [&](std::int64_t done, std::int64_t total) {
      bar.update(done, total);
    });
  }
  if (shard) {
    std::filesystem::create_directories(f.out);
    const std::string path = (std::filesystem::path(f.out) / (sweep::file_stem(spec.name) + ".part-" +
                                                               std::to_string(shard->index) + "-of-" +
                                                               std::to_string(shard->count) + ".json")).string();
    // Written aside and renamed into place: a shard killed while writing (scancel, a pre-empted pod)
    // leaves no truncated partial for the merge to read, only a missing one it names.
    const std::string unfinished = path + ".unfinished";
    {
      std::ofstream out(unfinished, std::ios::binary);
      out << sweep::partial_json(result).dump() << "\n";
      if (!out.flush()) throw UsageError("sweep: cannot write " + unfinished);
    }
    std::error_code renamed;
    std::filesystem::rename(unfinished, path, renamed);
    if (renamed) throw UsageError("sweep: cannot move " + unfinished + " to " + path + ": " + renamed.message());
    if (!f.quiet)
      std::cout << "shard " << shard->index << "/" << shard->count << " (from " << shard->source << "): runs "
                << slice.begin << "-" << slice.end << " of " << spec.run_count() << " -> " << path << "\n";
    return 0;
  }
  // The unsharded result takes the merge path too, through its partial's JSON, so that both
  // print the same bytes by construction.
  const sweep::SweepResult complete =
      sweep::merge_partials({{f.file, sweep::partial_from_json(sweep::partial_json(result), f.file)}});
  const sweep::SweepReport report = sweep::build_report(complete);
  const std::vector<std::string> written = sweep::write_report_files(report, f.out);
  if (f.quiet) return 0;
  sweep::print_summary(std::cout, report);
  for (const std::string& path : written) std::cout << "wrote " << path << "\n";
  return 0;
}

}  // namespace harness::cli
