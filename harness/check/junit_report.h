// `deploysim check --junit out.xml`: the verdicts as JUnit XML, which CI systems (GitHub Actions,
// GitLab, Jenkins) show natively. One test case per intent; a violated intent is a <failure>
// whose text is the story and the counterexample file to replay.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "harness/check/intent_check.h"

namespace harness::check {

// `written[i]` is the counterexample file of verdict i ("" when it holds).
void write_junit(std::ostream& out, const std::string& scenario_name, const CheckReport& report,
                 const std::vector<std::string>& written, double seconds);

// Text made safe for XML attribute values and character data.
std::string xml_escape(const std::string& text);

}  // namespace harness::check
