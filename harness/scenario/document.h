// One JSON document being read: the scenario file itself, or a task definition it pulls in with
// {"$file": ...}. It owns the text (so errors can be placed at line:column), the parsed value, and
// the directory that "$file" paths inside it resolve against.
#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace harness::scenario {

// Bounds on one document, so hostile input meets a clear error instead of exhausting memory or
// the stack (scenarios/README.md, "Limits"). Real scenarios are tens of KiB and nest under ten
// levels.
inline constexpr std::size_t kMaxDocumentBytes = 8 * 1024 * 1024;
inline constexpr int kMaxNestingDepth = 64;

class Document {
 public:
  // Parses `text`. Broken JSON throws ScenarioError at the parser's line:column, e.g.
  // "web.json:4:1: expected '}', found end of input"; so do text over kMaxDocumentBytes and
  // arrays or objects nested deeper than kMaxNestingDepth. `included` marks a document pulled in by
  // "$file": its ignored fields are then reported as "<name>#<pointer>".
  Document(std::string name, std::string text, std::filesystem::path base_dir,
           bool included = false);

  // Reads and parses the file at `path` (base directory: the file's own). An unreadable file
  // throws ScenarioError "<path>: expected a readable file, found <reason>"; one over
  // kMaxDocumentBytes "<path>: expected a file of at most 8 MiB, found more".
  static Document from_file(const std::filesystem::path& path);

  // Documents are referred to by address while they are read; they neither copy nor move.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& name() const { return name_; }
  const nlohmann::json& root() const { return root_; }
  // The text as read, for placing a JSON pointer at line:column (position_index.h).
  const std::string& text() const { return text_; }
  const std::filesystem::path& base_dir() const { return base_dir_; }

  // How a field of this document is named in Loaded::ignored.
  std::string label(const std::string& pointer) const;

  // Throws ScenarioError about `pointer`, placed at the value at `position_pointer` (or at its
  // key when `at_key`); the line:column is left out when that pointer is not in the text.
  [[noreturn]] void fail(const std::string& pointer, const std::string& expected,
                         const std::string& found, const std::string& position_pointer,
                         bool at_key = false) const;

 private:
  std::string name_;
  std::string text_;
  std::filesystem::path base_dir_;
  bool included_ = false;
  nlohmann::json root_;
};

// Why a file could not be read, in the words of ScenarioError: expected "a readable file", found
// "No such file or directory".
struct ReadFailure {
  std::string expected;
  std::string found;
};

// The whole content of the file at `path`, or nullopt with `failure` set: unreadable, a
// directory, or more than kMaxDocumentBytes (only that much is ever read, so a huge file or a
// device such as /dev/zero costs no more).
std::optional<std::string> read_text_file(const std::filesystem::path& path, ReadFailure& failure);

}  // namespace harness::scenario
