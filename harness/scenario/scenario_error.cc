#include "harness/scenario/scenario_error.h"

#include <utility>

namespace harness::scenario {
namespace {

std::string format_message(const std::string& file, const std::string& json_pointer,
                           const std::string& expected, const std::string& found, int line,
                           int column) {
  std::string message = file;
  if (line > 0) message += ":" + std::to_string(line) + ":" + std::to_string(column);
  message += ": ";
  if (!json_pointer.empty()) message += "at " + json_pointer + ": ";
  return message + "expected " + expected + ", found " + found;
}

}  // namespace

ScenarioError::ScenarioError(std::string file_, std::string json_pointer_, std::string expected_,
                             std::string found_, int line_, int column_)
    : std::runtime_error(format_message(file_, json_pointer_, expected_, found_, line_, column_)),
      file(std::move(file_)),
      json_pointer(std::move(json_pointer_)),
      found(std::move(found_)),
      expected(std::move(expected_)),
      line(line_),
      column(column_) {}

}  // namespace harness::scenario
