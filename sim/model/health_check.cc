#include "sim/model/health_check.h"

#include <cctype>
#include <string_view>

namespace sim::model {
namespace {

// Characters that end a word in a shell command line: blanks, and the shell's operators and
// quotes, so "http://x/health||exit 1" and "'http://x/health'" still yield the bare URL.
bool ends_word(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("|&;<>()$`'\"").find(c) != std::string_view::npos;
}

// The words of a CMD-SHELL script, split on blanks, with leading quotes dropped and each word
// cut at the first shell operator or quote. Good enough to find a binary and a URL; not a shell.
std::vector<std::string> shell_words(std::string_view script) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < script.size()) {
    while (i < script.size() && (std::isspace(static_cast<unsigned char>(script[i])) != 0 ||
                                 script[i] == '\'' || script[i] == '"'))
      ++i;
    const std::size_t start = i;
    while (i < script.size() && !ends_word(script[i])) ++i;
    if (i > start) words.emplace_back(script.substr(start, i - start));
    while (i < script.size() && !std::isspace(static_cast<unsigned char>(script[i]))) ++i;
  }
  return words;
}

// Parses the port digits of a URL authority; -1 when they are not a port number.
int parse_port(std::string_view digits) {
  if (digits.empty() || digits.size() > 5) return -1;
  int port = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    port = port * 10 + (c - '0');
  }
  return port <= 65535 ? port : -1;
}

// Fills host, port and path from an http(s) URL. The query and fragment are dropped because the
// app profile routes on the path alone. Leaves `out` untouched for a URL we cannot read.
void parse_url(std::string_view word, ProbeCommand& out) {
  const bool https = word.starts_with("https://");
  std::string_view rest = word.substr(https ? 8 : 7);
  const std::size_t path_at = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_at);
  std::string_view path = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  path = path.substr(0, path.find_first_of("?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);  // user:password@ is not part of the host

  // The scheme's own port when the URL names none: 80 for http, 443 for https.
  int port = https ? 443 : 80;
  std::string_view host = authority;
  const std::size_t bracket = authority.rfind(']');  // IPv6 literal: [::1]:8080
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    port = parse_port(authority.substr(colon + 1));
    host = authority.substr(0, colon);
  }
  if (host.empty() || port <= 0) return;
  out.host = std::string(host);
  out.port = port;
  out.path = path.empty() ? "/" : std::string(path);
}

}  // namespace

bool needs_shell(const std::vector<std::string>& command) {
  return !command.empty() && command.front() == "CMD-SHELL";
}

ProbeCommand parse_probe_command(const std::vector<std::string>& command) {
  ProbeCommand probe;
  std::vector<std::string> words;
  if (needs_shell(command) && command.size() >= 2) {
    // Docker runs only the element after CMD-SHELL as the script (`sh -c <script>`); any further
    // elements become the script's positional parameters (moby daemon/health.go).
    words = shell_words(command[1]);
  } else if (!command.empty() && command.front() == "CMD") {
    words.assign(command.begin() + 1, command.end());
  }
  if (words.empty() || words.front().empty()) return probe;
  probe.binary = words.front();
  for (const std::string& word : words) {
    if (!word.starts_with("http://") && !word.starts_with("https://")) continue;
    parse_url(word, probe);  // only the first URL counts, readable or not
    break;
  }
  return probe;
}

}  // namespace sim::model
