#include "harness/report/sarif.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace harness::report {
namespace {

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

const char* level_name(SarifLevel level) {
  switch (level) {
    case SarifLevel::error: return "error";
    case SarifLevel::warning: return "warning";
    case SarifLevel::note: return "note";
  }
  return "warning";
}

// RFC 3986: unreserved characters and "/" stay, every other byte is percent-encoded.
std::string uri_path(const std::string& path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    }
  }
  return out;
}

nlohmann::json artifact_location(const std::string& file) {
  if (!file.empty() && file.front() == '/') return {{"uri", "file://" + uri_path(file)}};
  std::string relative = file;
  while (relative.rfind("./", 0) == 0) relative.erase(0, 2);
  return {{"uri", uri_path(relative)}, {"uriBaseId", "%SRCROOT%"}};
}

nlohmann::json rule_json(const SarifRule& rule) {
  return {{"id", rule.id},
          {"shortDescription", {{"text", rule.title}}},
          {"fullDescription", {{"text", rule.help}}},
          {"help", {{"text", rule.help}}},
          {"defaultConfiguration", {{"level", level_name(rule.level)}}}};
}

// `rule_index` is the rule's place in the driver's rules, or nullopt when it has none there.
nlohmann::json result_json(const SarifResult& result, std::optional<std::size_t> rule_index) {
  const nlohmann::json physical = {
      {"artifactLocation", artifact_location(result.file)},
      {"region", {{"startLine", result.line}, {"startColumn", result.column}}}};
  nlohmann::json json = {{"ruleId", result.rule_id},
          {"level", level_name(result.level)},
          {"message", {{"text", result.message}}},
          {"locations", nlohmann::json::array({{{"physicalLocation", physical}}})},
          {"partialFingerprints",
           {{"deploysim/v1", result_fingerprint(result)}}},
          {"properties", {{"jsonPointer", result.pointer}}}};
  if (rule_index) json["ruleIndex"] = *rule_index;
  return json;
}

}  // namespace

std::string stable_fingerprint(const std::vector<std::string>& parts) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string& part : parts) {
    for (const char c : part + '\0') {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string result_fingerprint(const SarifResult& result) {
  if (result.discriminator.empty()) return stable_fingerprint({result.rule_id, result.file, result.pointer});
  return stable_fingerprint({result.rule_id, result.file, result.pointer, result.discriminator});
}

nlohmann::json sarif_log(const SarifRun& run) {
  nlohmann::json rules = nlohmann::json::array();
  for (const SarifRule& rule : run.rules) rules.push_back(rule_json(rule));
  nlohmann::json results = nlohmann::json::array();
  for (const SarifResult& result : run.results) {
    std::optional<std::size_t> index;
    for (std::size_t i = 0; i < run.rules.size() && !index; ++i)
      if (run.rules[i].id == result.rule_id) index = i;
    results.push_back(result_json(result, index));
  }
  nlohmann::json driver = {{"name", run.tool_name}, {"rules", rules}};
  if (!run.tool_version.empty()) driver["version"] = run.tool_version;
  const nlohmann::json base_ids = {
      {"%SRCROOT%", {{"description", {{"text", "the checkout the files are relative to"}}}}}};
  const nlohmann::json run_json = {
      {"tool", {{"driver", driver}}}, {"originalUriBaseIds", base_ids}, {"results", results}};
  return {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", nlohmann::json::array({run_json})}};
}

}  // namespace harness::report
