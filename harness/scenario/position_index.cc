#include "harness/scenario/position_index.h"

#include <nlohmann/json.hpp>

namespace harness::scenario {

// Walks valid JSON recording where each value (and each member's key) starts.
class PositionScanner {
 public:
  PositionScanner(std::string_view text, PositionIndex& index) : text_(text), index_(index) {}

  void scan() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // nlohmann skips a UTF-8 byte-order mark
    value("", std::nullopt);
  }

 private:
  void value(const std::string& pointer, std::optional<std::size_t> key) {
    skip_whitespace();
    index_.entries_[pointer] = {pos_, key};
    if (at_end()) return;
    switch (text_[pos_]) {
      case '{':
        return object(pointer);
      case '[':
        return array(pointer);
      case '"':
        return skip_string();
      default:
        return skip_scalar();
    }
  }

  void object(const std::string& pointer) {
    ++pos_;
    skip_whitespace();
    while (!at_end() && text_[pos_] != '}') {
      const std::size_t key_start = pos_;
      skip_string();
      const std::string key = decode_key(text_.substr(key_start, pos_ - key_start));
      const std::string member = pointer + "/" + pointer_token(key);
      if (index_.entries_.count(member) != 0 && !index_.first_repeated_key_)
        index_.first_repeated_key_ = PositionIndex::RepeatedKey{key, key_start};
      skip_whitespace();
      ++pos_;  // ':'
      value(member, key_start);
      skip_separator();
    }
    ++pos_;
  }

  void array(const std::string& pointer) {
    ++pos_;
    skip_whitespace();
    for (std::size_t i = 0; !at_end() && text_[pos_] != ']'; ++i) {
      value(pointer + "/" + std::to_string(i), std::nullopt);
      skip_separator();
    }
    ++pos_;
  }

  void skip_separator() {
    skip_whitespace();
    if (!at_end() && text_[pos_] == ',') ++pos_;
    skip_whitespace();
  }

  void skip_string() {
    ++pos_;
    while (!at_end() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
  }

  void skip_scalar() {
    while (!at_end() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos)
      ++pos_;
  }

  void skip_whitespace() {
    while (!at_end() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos)
      ++pos_;
  }

  // Keys with escapes ("\u00e9", "\/") are rare; let nlohmann decode those exactly.
  static std::string decode_key(std::string_view quoted) {
    if (quoted.find('\\') == std::string_view::npos) {
      return std::string(quoted.substr(1, quoted.size() - 2));
    }
    return nlohmann::json::parse(quoted).get<std::string>();
  }

  bool at_end() const { return pos_ >= text_.size(); }

  std::string_view text_;
  PositionIndex& index_;
  std::size_t pos_ = 0;
};

TextPosition text_position(std::string_view text, std::size_t offset) {
  TextPosition position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++position.column;
    }
  }
  return position;
}

std::string pointer_token(std::string_view key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

PositionIndex::PositionIndex(std::string_view text) { PositionScanner(text, *this).scan(); }

std::optional<std::size_t> PositionIndex::value_offset(const std::string& pointer) const {
  const auto it = entries_.find(pointer);
  if (it == entries_.end()) return std::nullopt;
  return it->second.value;
}

std::optional<std::size_t> PositionIndex::key_offset(const std::string& pointer) const {
  const auto it = entries_.find(pointer);
  if (it == entries_.end()) return std::nullopt;
  return it->second.key;
}

}  // namespace harness::scenario
