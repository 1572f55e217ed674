#include "harness/sweep/json_patch.h"

#include <algorithm>

namespace harness::sweep {
namespace {

// "~1" is "/" and "~0" is "~" inside a reference token (RFC 6901 §4).
std::string unescape(std::string token) {
  for (std::size_t at = 0; (at = token.find('~', at)) != std::string::npos; ++at) {
    if (at + 1 < token.size() && token[at + 1] == '1') token.replace(at, 2, "/");
    else if (at + 1 < token.size() && token[at + 1] == '0') token.replace(at, 2, "~");
  }
  return token;
}

bool is_index(const std::string& token) {
  return !token.empty() && token.size() < 10 &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         (token == "0" || token[0] != '0');
}

}  // namespace

std::optional<std::string> set_at_pointer(nlohmann::json& document, const std::string& pointer,
                                          const nlohmann::json& value) {
  if (pointer.empty() || pointer[0] != '/') return "a JSON pointer starting with \"/\"";
  nlohmann::json* node = &document;
  std::string walked;
  std::size_t start = 1;
  while (true) {
    const std::size_t end = pointer.find('/', start);
    const std::string raw = pointer.substr(start, end == std::string::npos ? end : end - start);
    const std::string token = unescape(raw);
    const bool last = end == std::string::npos;
    if (node->is_object()) {
      if (node->contains("$file"))
        return "a pointer into the scenario's own text, but " + (walked.empty() ? "the root" : walked) +
               " is a \"$file\" reference (inline that document to sweep its settings)";
      if (!last && !node->contains(token))
        return "a pointer into the scenario, but " + walked + "/" + raw + " does not exist";
      node = &(*node)[token];
    } else if (node->is_array()) {
      if (!is_index(token) || std::stoul(token) >= node->size())
        return "an index below " + std::to_string(node->size()) + " of " +
               (walked.empty() ? "the root" : walked);
      node = &(*node)[std::stoul(token)];
    } else {
      return "a pointer into the scenario, but " + (walked.empty() ? "the root" : walked) +
             " holds no object or array";
    }
    walked += "/" + raw;
    if (last) break;
    start = end + 1;
  }
  *node = value;
  return std::nullopt;
}

}  // namespace harness::sweep
