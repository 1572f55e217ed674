#include "banned_api.h"

#include <cctype>
#include <regex>
#include <utility>

namespace tidy {
namespace {

struct Rule {
  std::string banned;
  std::string why;
  std::regex pattern;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> all = [] {
    const auto rule = [](std::string banned, std::string why, const char* pattern) {
      return Rule{std::move(banned), std::move(why), std::regex(pattern)};
    };
    const std::string wall = "the wall clock: simulated time comes from sim::Clock";
    const std::string random = "unseeded or non-portable randomness: use sim::Rng streams";
    const std::string io = "I/O: sim/ only uses what it is handed";
    return std::vector<Rule>{
        rule("system_clock", wall, R"(\bsystem_clock\b)"),
        rule("steady_clock", wall, R"(\bsteady_clock\b)"),
        rule("high_resolution_clock", wall, R"(\bhigh_resolution_clock\b)"),
        // `std::time(p)` / `::time(p)` always; a bare `time(` only with the C argument forms, so a
        // member function called time() stays allowed.
        rule("time()", wall,
             R"((^|\W)(std)?::time\s*\(|(^|[^\w.>:])time\s*\(\s*(nullptr|NULL|0|&))"),
        rule("std::random_device", random, R"(\brandom_device\b)"),
        rule("rand()/srand()", random, R"((^|[^\w.>])s?rand\s*\()"),
        rule("std::*_distribution",
             "standard distributions differ between standard libraries: use sim::Rng",
             R"(std::\w+_distribution\b|\b(uniform_int|uniform_real|normal|bernoulli|binomial|)"
             R"(poisson|exponential|geometric|discrete)_distribution\b)"),
        rule("std::mt19937", random, R"(\b(mt19937(_64)?|default_random_engine|minstd_rand0?)\b)"),
        rule("std::unordered_map/set", "iteration order is not portable: use std::map/std::set",
             R"(\bunordered_(multi)?(map|set)\b)"),
        rule("pointer-keyed map/set", "iteration order follows addresses: key by an id",
             R"(\b(map|set)\s*<\s*(const\s+)?[\w:]+\s*\*)"),
        rule("getenv", "the environment: configuration is handed in", R"(\b(secure_)?getenv\b)"),
        rule("fopen/fstream", io, R"(\b(fopen|[io]?fstream)\b)"),
    };
  }();
  return all;
}

const std::regex& harness_include() {
  static const std::regex pattern(R"(^\s*#\s*include\s*["<]harness/)");
  return pattern;
}

// A ' right after a letter or digit is a digit separator (60'000), not a character literal.
bool is_digit_separator(std::string_view line, std::size_t i) {
  return i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1])) != 0;
}

// One line with its comments blanked, and the inside of its string and character literals too
// unless `keep_literals` is set. `in_block` carries a /* */ comment from line to line.
std::string strip(std::string_view line, bool& in_block, bool keep_literals) {
  std::string out(line.size(), ' ');
  char quote = 0;  // the delimiter of the literal we are inside, or 0
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    if (in_block) {
      if (c == '*' && next == '/') {
        in_block = false;
        ++i;
      }
    } else if (quote != 0) {
      if (c == quote) quote = 0;
      if (keep_literals || quote == 0) out[i] = c;
      if (c == '\\') {  // an escaped character never ends the literal
        if (keep_literals && next != '\0') out[i + 1] = next;
        ++i;
      }
    } else if (c == '/' && next == '/') {
      break;
    } else if (c == '/' && next == '*') {
      in_block = true;
      ++i;
    } else {
      if (c == '"' || (c == '\'' && !is_digit_separator(line, i))) quote = c;
      out[i] = c;
    }
  }
  return out;
}

}  // namespace

std::vector<Violation> find_banned(std::string_view source) {
  std::vector<Violation> found;
  bool in_block = false;
  int number = 0;
  for (std::size_t start = 0; start <= source.size(); ++number) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view line = source.substr(start, end - start);
    start = end + 1;

    bool in_block_too = in_block;  // the second pass must start from the same state
    const std::string with_literals = strip(line, in_block_too, true);
    const std::string code = strip(line, in_block, false);
    if (std::regex_search(with_literals, harness_include()))
      found.push_back({number + 1, "#include \"harness/...\"", "sim/ never depends on harness/",
                       std::string(line)});
    for (const Rule& r : rules())
      if (std::regex_search(code, r.pattern))
        found.push_back({number + 1, r.banned, r.why, std::string(line)});
  }
  return found;
}

std::vector<Violation> find_includes_of(std::string_view source, std::string_view forbidden) {
  std::vector<Violation> found;
  const std::regex include(R"(^\s*#\s*include\s*["<]([^">]*)[">])");
  int number = 0;
  for (std::size_t start = 0; start <= source.size(); ++number) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    const std::string line(source.substr(start, end - start));
    start = end + 1;
    std::smatch m;
    if (std::regex_search(line, m, include) && m[1].str().rfind(forbidden, 0) == 0)
      found.push_back({number + 1, "#include \"" + std::string(forbidden) + "...\"",
                       "a layer includes only the layers below it (DESIGN.md)", line});
  }
  return found;
}

}  // namespace tidy
