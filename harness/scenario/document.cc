#include "harness/scenario/document.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>
#include <utility>
#include <vector>

#include "harness/scenario/position_index.h"
#include "harness/scenario/scenario_error.h"

namespace harness::scenario {
namespace {

// nlohmann words a syntax error as "... syntax error while parsing object - unexpected end of
// input; expected '}'" (or "- invalid literal; last read: '...'"). We keep its two facts, what it
// met and what it wanted, and drop the rest so the message has our one shape.
std::pair<std::string, std::string> split_parse_error(const std::string& what) {
  std::string detail =
      what.substr(what.find(" - ") == std::string::npos ? 0 : what.find(" - ") + 3);
  std::string expected = "valid JSON";
  if (const auto at = detail.find("; expected "); at != std::string::npos) {
    expected = detail.substr(at + 11);
    detail.resize(at);
  }
  if (const auto at = detail.find("; last read"); at != std::string::npos) detail.resize(at);
  if (detail.rfind("unexpected ", 0) == 0) detail.erase(0, 11);
  return {expected, detail};
}

[[noreturn]] void fail_at_offset(const std::string& name, const std::string& text,
                                 std::size_t offset, const std::string& expected,
                                 const std::string& found) {
  const TextPosition position = text_position(text, offset);
  throw ScenarioError(name, "", expected, found, position.line, position.column);
}

std::string describe_limit(std::size_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

// Calls `on_byte(i)` for each byte of `text` outside JSON strings, until it returns false.
template <typename OnByte>
void for_each_byte_outside_strings(const std::string& text, OnByte on_byte) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (!on_byte(i)) {
      return;
    }
  }
}

// nlohmann parses without recursion, but destroying, dumping and position-indexing a value all
// recurse: a deeply nested document would overflow the stack there. One pass outside strings
// finds the first bracket too deep, before anything is built.
void check_nesting(const std::string& name, const std::string& text) {
  int depth = 0;
  for_each_byte_outside_strings(text, [&](std::size_t i) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      if (++depth > kMaxNestingDepth)
        fail_at_offset(name, text, i,
                       "arrays and objects nested at most " + std::to_string(kMaxNestingDepth) +
                           " deep",
                       "deeper nesting");
    } else if (c == '}' || c == ']') {
      --depth;
    }
    return true;
  });
}

bool is_number_byte(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Where the number token `token` first stands on its own outside strings. nlohmann stops at the
// first number beyond double's range, and the same text always gives the same value, so that is
// the one it refused; a key or string value with the same text is skipped.
std::size_t number_token_offset(const std::string& text, const std::string& token) {
  std::size_t found = 0;
  for_each_byte_outside_strings(text, [&](std::size_t i) {
    if (text.compare(i, token.size(), token) != 0) return true;
    const std::size_t end = i + token.size();
    const bool starts = i == 0 || !is_number_byte(text[i - 1]);
    const bool ends = end == text.size() || !is_number_byte(text[end]);
    if (!starts || !ends) return true;
    found = i;
    return false;
  });
  return found;
}

// RFC 8259 §4: names within an object SHOULD be unique, and parsers differ on which of two wins
// (nlohmann keeps the last). A scenario means one value, so a repeated key is an error, placed
// at its second occurrence. The parse callback only notices one; the position index, which
// walks the text in order, finds the first repeat and where it stands.
class DuplicateKeyWatch {
 public:
  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) keys_.emplace_back();
    if (event == Event::object_end) keys_.pop_back();
    if (event == Event::key && !keys_.back().insert(parsed.get<std::string>()).second)
      seen_ = true;
    return true;
  }
  bool seen() const { return seen_; }

 private:
  std::vector<std::set<std::string>> keys_;
  bool seen_ = false;
};

void check_duplicate_keys(const std::string& name, const std::string& text) {
  const PositionIndex index(text);
  const std::optional<PositionIndex::RepeatedKey> repeat = index.first_repeated_key();
  if (!repeat) return;
  fail_at_offset(name, text, repeat->offset, "each key at most once in an object",
                 nlohmann::json(repeat->key).dump() + " a second time");
}

nlohmann::json parse(const std::string& name, const std::string& text) {
  if (text.size() > kMaxDocumentBytes)
    throw ScenarioError(name, "", "a document of at most " + describe_limit(kMaxDocumentBytes),
                        std::to_string(text.size()) + " bytes");
  check_nesting(name, text);
  try {
    DuplicateKeyWatch duplicates;
    nlohmann::json root = nlohmann::json::parse(text, std::ref(duplicates));
    if (duplicates.seen()) check_duplicate_keys(name, text);
    return root;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts the characters read, the failing one included: its offset is byte - 1.
    const auto [expected, found] = split_parse_error(e.what());
    const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    // nlohmann reads a NUL byte as the end of its input, and says so; name the byte instead.
    const bool nul = offset < text.size() && text[offset] == '\0';
    fail_at_offset(name, text, offset, expected, nul ? "a NUL byte" : found);
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond double's range ("1e999"); nlohmann names the token but not its place.
    const std::string what = e.what();
    const auto open = what.find('\'');
    const std::string token = what.substr(open + 1, what.rfind('\'') - open - 1);
    fail_at_offset(name, text, number_token_offset(text, token), "a number that fits in a double",
                   token);
  }
}

}  // namespace

Document::Document(std::string name, std::string text, std::filesystem::path base_dir,
                   bool included)
    : name_(std::move(name)),
      text_(std::move(text)),
      base_dir_(std::move(base_dir)),
      included_(included),
      root_(parse(name_, text_)) {}

Document Document::from_file(const std::filesystem::path& path) {
  ReadFailure failure;
  std::optional<std::string> text = read_text_file(path, failure);
  if (!text) throw ScenarioError(path.string(), "", failure.expected, failure.found);
  return Document(path.string(), std::move(*text), path.parent_path());
}

std::string Document::label(const std::string& pointer) const {
  return included_ ? name_ + "#" + pointer : pointer;
}

void Document::fail(const std::string& pointer, const std::string& expected,
                    const std::string& found, const std::string& position_pointer,
                    bool at_key) const {
  const PositionIndex index(text_);
  std::optional<std::size_t> offset = at_key ? index.key_offset(position_pointer) : std::nullopt;
  if (!offset) offset = index.value_offset(position_pointer);
  const TextPosition position = offset ? text_position(text_, *offset) : TextPosition{};
  throw ScenarioError(name_, pointer, expected, found, position.line, position.column);
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, ReadFailure& failure) {
  failure.expected = "a readable file";
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    failure.found = "a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    failure.found = std::strerror(errno);
    return std::nullopt;
  }
  // Reads in chunks and stops one byte past the limit, which tells "too big" from "exactly at the
  // limit" without reading on.
  std::string content;
  char chunk[64 * 1024];
  while (content.size() <= kMaxDocumentBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    content.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (content.size() > kMaxDocumentBytes) {
    failure.expected = "a file of at most " + describe_limit(kMaxDocumentBytes);
    failure.found = "more than that";
    return std::nullopt;
  }
  if (in.bad()) {
    failure.found = std::strerror(errno);
    return std::nullopt;
  }
  return content;
}

}  // namespace harness::scenario
