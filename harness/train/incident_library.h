// The incident library as `deploysim train` walks it: every scenario of a folder, run once, and
// sorted into incidents (a deploy that did not complete, or completed with a broken revision)
// and fixes (one that completed cleanly). Each incident is paired with its fixed twin: a fix its
// story names, else the fix of the same number ("000-") whose file name shares the longest
// beginning with the incident's ("004-wget-loop-…" goes with "004-wget-fixed-…").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"

namespace harness::train {

struct LibraryEntry {
  std::string path;  // "scenarios/incidents/000-oom-128mb.json"
  std::string stem;  // "000-oom-128mb"
  sim::model::Scenario scenario;
  sim::observe::Outcome outcome = sim::observe::Outcome::stuck;
  bool clean = false;  // completed, and the deployed revision showed no fault
};

struct Incident {
  std::size_t entry = 0;             // index into Library::entries
  std::optional<std::size_t> fix;    // its fixed twin, when the library has one
};

struct Library {
  std::vector<LibraryEntry> entries;  // every scenario, in file-name order
  std::vector<Incident> incidents;    // in file-name order
};

// Loads and runs every *.json in `folder`. Throws ScenarioError for a file that does not load,
// and std::runtime_error when the folder does not exist or holds no scenario.
Library load_library(const std::string& folder);

// The incident whose stem is `name` ("000-oom-128mb", with or without ".json"), or whose 1-based
// number in the list is `name`; nullopt when none is.
std::optional<std::size_t> find_incident(const Library& library, const std::string& name);

}  // namespace harness::train
