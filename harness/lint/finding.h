// What `deploysim lint` reports: one finding per problem it can see in a scenario before anything
// runs — a severity, the rule that found it, where in the scenario file, what is wrong and which
// incident of shared/seeds it would prevent. Errors make the lint fail (exit 1) so CI can gate on
// them; warnings and infos are advice.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace harness::lint {

enum class Severity { error, warning, info };

// "error", "warning", "info": the words the text and JSON reports use.
std::string_view to_string(Severity severity);

// Where a finding points. `pointer` is an RFC 6901 JSON pointer into the scenario file (to the
// field to change, present or not). A task definition pulled in with {"$file": ...} lives in
// another file, so `note` then says which file and where inside it, `file` names that file as the
// scenario wrote it (relative to the scenario's directory) and `file_pointer` is the field inside
// it; otherwise all three are empty.
struct Location {
  std::string pointer;
  std::string note;
  std::string file;
  std::string file_pointer;
};

struct Finding {
  Severity severity = Severity::error;
  std::string rule;     // stable id, e.g. "memory-below-peak"
  std::string pointer;  // see Location
  std::string message;  // what is wrong, with the numbers that show it
  std::string why;      // the incident it prevents, naming its seed: "seed 000: OOM kills ...",
                        // or the library incident beyond the seeds: "incident 102 (...): ..."
  std::string file;          // a "$file" the field lives in (see Location); empty: the scenario
  std::string file_pointer;  // the field inside `file`
  // Set when the scenario was read from the user's configuration (harness/readers): the place in
  // `file` (or the configuration itself), which need not be JSON. 0: find it by `file_pointer`.
  int line = 0;
  int column = 0;
};

// The findings of one lint, in the order the rules add them.
class Findings {
 public:
  // Adds a finding at `where`; a "$file" note is appended to the message.
  void add(Severity severity, std::string rule, const Location& where, std::string message,
           std::string why);

  const std::vector<Finding>& list() const { return findings_; }
  std::vector<Finding> take() { return std::move(findings_); }

 private:
  std::vector<Finding> findings_;
};

// True when any finding is an error: the lint's exit code is then 1.
bool has_errors(const std::vector<Finding>& findings);

}  // namespace harness::lint
