#include "harness/cli/lint_origins.h"

#include <filesystem>

namespace harness::cli {

std::optional<readers::ConfigInput> read_config_input(const std::string& path, const ScenarioInputFlags& flags) {
  const readers::ReadOptions options = flags.read_options();
  if (!reads_as_config(path, options)) return std::nullopt;
  return readers::load_config_input({path}, options);
}

void place_in_user_files(lint::LintedFile& linted, const readers::OriginMap& origins) {
  for (lint::Finding& finding : linted.findings) {
    const std::optional<readers::PlacedOrigin> at = origins.place(finding.pointer);
    if (!at) continue;
    finding.pointer = at->describe() + " " + at->source_pointer;
    const bool json_source = at->file == linted.path;
    if (json_source) {
      finding.file = std::filesystem::path(at->file).filename().string();
      finding.file_pointer = at->source_pointer;
    }
  }
}

}  // namespace harness::cli
