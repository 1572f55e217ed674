// SARIF 2.1.0 (OASIS), the static-analysis format GitHub code scanning, GitLab and IDEs read: the
// one writer for every command that reports problems at places in the user's files (`lint` today).
// A log holds one run of one tool: the rules it knows, with their help, and the results, each
// placed at file:line:column and carrying a fingerprint that stays the same across runs as long as
// the rule and the place (file and JSON pointer, not the line) do, so a code-scanning alert
// survives unrelated edits above it. tests/ci checks the output against the official schema.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace harness::report {

// SARIF's result levels.
enum class SarifLevel { error, warning, note };

struct SarifRule {
  std::string id;           // "memory-below-peak"
  std::string title;        // shortDescription: one sentence
  std::string help;         // fullDescription and help: what, why, the fix
  SarifLevel level = SarifLevel::warning;  // defaultConfiguration.level
};

struct SarifResult {
  std::string rule_id;
  SarifLevel level = SarifLevel::warning;
  std::string message;
  std::string file;          // as the user named it: relative to the checkout, or absolute
  int line = 1, column = 1;  // 1-based; column in characters
  std::string pointer;       // the JSON pointer of the field, kept as a property and fingerprinted
  std::string discriminator;  // fingerprinted too when not empty: what else tells results apart
};

struct SarifRun {
  std::string tool_name = "deploysim";
  std::string tool_version;
  std::vector<SarifRule> rules;
  std::vector<SarifResult> results;
};

// The whole log. Relative files are URIs against %SRCROOT% (the checkout, as GitHub expects);
// absolute ones are file:// URIs. Rules are referenced by id and index.
nlohmann::json sarif_log(const SarifRun& run);

// A 16-hex-digit FNV-1a 64 hash of the parts, separated so ("ab","c") and ("a","bc") differ: the
// result's "deploysim/v1" partial fingerprint over rule, file and pointer.
std::string stable_fingerprint(const std::vector<std::string>& parts);

// The result's fingerprint: stable_fingerprint of its rule, file, pointer and discriminator (when
// it has one).
std::string result_fingerprint(const SarifResult& result);

}  // namespace harness::report
