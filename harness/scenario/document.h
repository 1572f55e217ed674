// One JSON document being read: the scenario file itself, or a task definition it pulls in with
// {"$file": ...}. It owns the text (so errors can be placed at line:column), the parsed value, and
// the directory that "$file" paths inside it resolve against.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace harness::scenario {

class Document {
 public:
  // Parses `text`. Broken JSON throws ScenarioError at the parser's line:column, e.g.
  // "web.json:4:1: expected '}', found end of input". `included` marks a document pulled in by
  // "$file": its ignored fields are then reported as "<name>#<pointer>".
  Document(std::string name, std::string text, std::filesystem::path base_dir,
           bool included = false);

  // Reads and parses the file at `path` (base directory: the file's own). An unreadable file
  // throws ScenarioError "<path>: expected a readable file, found <reason>".
  static Document from_file(const std::filesystem::path& path);

  // Documents are referred to by address while they are read; they neither copy nor move.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& name() const { return name_; }
  const nlohmann::json& root() const { return root_; }
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

// The whole content of the file at `path`, or nullopt with `reason` set ("No such file or
// directory", "is a directory").
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::string& reason);

}  // namespace harness::scenario
