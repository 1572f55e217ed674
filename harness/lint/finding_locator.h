// Where a lint finding is in the user's files, as editors and CI count: the file (the scenario,
// or the "$file" a task definition lives in) and the line and column of the member to change.
// Findings carry JSON pointers (finding.h); the field a finding names may be absent (a breaker
// never configured), so the position is that of the nearest enclosing member the file has.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "harness/lint/finding.h"
#include "harness/scenario/position_index.h"

namespace harness::lint {

struct FindingPosition {
  std::string file;  // the scenario path as given, or its directory joined with the "$file" name
  int line = 1;      // 1-based
  int column = 1;    // 1-based, in characters
};

class FindingLocator {
 public:
  // `scenario_path`: the file the findings are about, as the user named it. The files are read
  // when a finding is first placed in them; the loader has already accepted them.
  explicit FindingLocator(std::filesystem::path scenario_path);
  ~FindingLocator();

  // The finding's key (or, for an array element or the root, its value) in its file.
  FindingPosition locate(const Finding& finding);

  // The member at `pointer` (or its nearest enclosing one) in the file at `path`.
  FindingPosition locate(const std::filesystem::path& path, std::string pointer);

 private:
  struct Indexed;
  const Indexed& indexed(const std::filesystem::path& path);

  std::filesystem::path scenario_path_;
  std::map<std::string, std::unique_ptr<Indexed>> files_;
};

}  // namespace harness::lint
