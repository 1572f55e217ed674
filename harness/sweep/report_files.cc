#include "harness/sweep/report_files.h"

#include <fstream>
#include <functional>
#include <stdexcept>

#include "harness/sweep/html_report.h"

namespace harness::sweep {

std::string file_stem(const std::string& name) {
  std::string stem;
  for (const char c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    stem += safe ? c : '-';
  }
  return stem.empty() || stem[0] == '.' ? "sweep" + stem : stem;
}

std::vector<std::string> write_report_files(const SweepReport& report, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::string stem = file_stem(report.header["name"].get<std::string>());
  std::vector<std::string> written;
  const auto write = [&](const std::string& suffix, const std::function<void(std::ostream&)>& body) {
    const std::filesystem::path path = dir / (stem + suffix);
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    body(out);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path.string());
  };
  write(".csv", [&](std::ostream& out) { write_csv(out, report); });
  write(".json", [&](std::ostream& out) { out << report_json(report).dump(2) << "\n"; });
  write(".html", [&](std::ostream& out) { write_html(out, report); });
  write("-frontier.svg", [&](std::ostream& out) { out << frontier_svg(report) << "\n"; });
  if (const std::string heat = heat_map_svg(report); !heat.empty())
    write("-heatmap.svg", [&](std::ostream& out) { out << heat << "\n"; });
  if (const std::string heat = errors_heat_map_svg(report); !heat.empty())
    write("-errors-heatmap.svg", [&](std::ostream& out) { out << heat << "\n"; });
  return written;
}

}  // namespace harness::sweep
