// The one error type for bad scenario input. Whatever is wrong — an unreadable file, broken JSON,
// a string where a number belongs, a value outside ECS's range, a reference to nothing — the user
// gets the file, the spot in it and what was expected versus what was found, in one line:
//
//   <file>:<line>:<column>: at <json pointer>: expected <expected>, found <found>
//
// "<line>:<column>:" is left out when the position is unknown (an unreadable file), and
// "at <json pointer>: " when the error concerns no particular value (broken JSON, the whole file).
// The CLI catches it once and exits with status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace harness::scenario {

struct ScenarioError : std::runtime_error {
  ScenarioError(std::string file, std::string json_pointer, std::string expected, std::string found,
                int line = 0, int column = 0);

  std::string file;          // as the user named it (or the display name of in-memory text)
  std::string json_pointer;  // RFC 6901, e.g. "/service/desiredCount"; empty: the whole document
  std::string found;         // what the input holds: "\"two\"", "4", "nothing (it is required)"
  std::string expected;      // "an integer 0-5000", "a number of seconds 5-300"
  int line = 0;              // 1-based; 0 when unknown
  int column = 0;            // 1-based, in characters (UTF-8 code points); 0 when unknown
};

}  // namespace harness::scenario
