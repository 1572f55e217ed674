#include "harness/scenario/document.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

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

nlohmann::json parse(const std::string& name, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts the characters read, the failing one included: its offset is byte - 1.
    const auto [expected, found] = split_parse_error(e.what());
    fail_at_offset(name, text, e.byte == 0 ? 0 : e.byte - 1, expected, found);
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond double's range ("1e999"); nlohmann names the token but not its place.
    const std::string what = e.what();
    const auto open = what.find('\'');
    const std::string token = what.substr(open + 1, what.rfind('\'') - open - 1);
    const auto offset = text.find(token);
    fail_at_offset(name, text, offset == std::string::npos ? 0 : offset,
                   "a number that fits in a double", token);
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
  std::string reason;
  std::optional<std::string> text = read_text_file(path, reason);
  if (!text) throw ScenarioError(path.string(), "", "a readable file", reason);
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

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::string& reason) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    reason = "a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    reason = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace harness::scenario
