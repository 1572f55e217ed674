// Where each value of a JSON text starts, by JSON pointer, so that an error found after parsing
// (a wrong type, a value out of range) can say line:column. nlohmann/json 3.11 keeps no source
// positions, neither in its values nor in its SAX events, hence this small scanner of our own.
// It trusts its input to be valid JSON: it only ever runs on text nlohmann has already accepted,
// and only when an error is being reported, so a valid scenario never pays for it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace harness::scenario {

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, counting UTF-8 code points as editors do
};

// The line and column of byte `offset` of `text` (offset == text.size() is the end of input).
TextPosition text_position(std::string_view text, std::size_t offset);

// One reference token of a JSON pointer for an object key: "~" becomes "~0" and "/" becomes "~1"
// (RFC 6901), so an image key "repo/app:1.2" is addressed as "/apps/repo~1app:1.2".
std::string pointer_token(std::string_view key);

class PositionIndex {
 public:
  // Scans valid JSON `text` once. The text must outlive nothing: offsets are copied out.
  explicit PositionIndex(std::string_view text);

  // Byte offset where the value at `pointer` starts ("" is the whole document).
  std::optional<std::size_t> value_offset(const std::string& pointer) const;

  // Byte offset of the key naming the object member at `pointer`; nullopt for array elements,
  // the root and unknown pointers.
  std::optional<std::size_t> key_offset(const std::string& pointer) const;

  // The first key, in text order, that repeats a key of its own object, and where the repeat
  // stands; nullopt when every object's keys are distinct. (The entries above then describe the
  // last of equal keys, the one nlohmann keeps.)
  struct RepeatedKey {
    std::string key;
    std::size_t offset = 0;
  };
  const std::optional<RepeatedKey>& first_repeated_key() const { return first_repeated_key_; }

 private:
  struct Entry {
    std::size_t value = 0;
    std::optional<std::size_t> key;
  };
  friend class PositionScanner;
  std::map<std::string, Entry> entries_;
  std::optional<RepeatedKey> first_repeated_key_;
};

}  // namespace harness::scenario
