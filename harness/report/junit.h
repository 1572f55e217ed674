// JUnit XML, the test report CI systems show natively (GitHub Actions, GitLab, Jenkins): the one
// writer for every command that passes or fails something. `check` gives it one case per intent;
// `run`'s expectations, `lint`'s rules and `diff` can hand it their cases the same way.
//
// The file follows the common JUnit schema (Jenkins' junit-10.xsd): <testsuites> holding one
// <testsuite> per suite, each case's <skipped>, <error> or <failure> before its <system-out>, and
// counts on both levels that agree with the cases. Every text is escaped (markup_escape.h).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace harness::report {

enum class JunitResult { passed, failed, skipped, error };

struct JunitCase {
  std::string classname;  // how CI groups cases: "deploysim.check.<scenario>"
  std::string name;       // what was judged: the intent, the rule, the expectation
  JunitResult result = JunitResult::passed;
  // Not passed: a one-line reason (the message attribute). Failed or error: `type` names the kind
  // ("IntentViolated"), `details` the story and how to replay it (the element's text).
  std::string message;
  std::string type;
  std::string details;
  std::string system_out;  // written as <system-out> unless empty ("100 runs")
};

struct JunitSuite {
  std::string name;  // the subject: a scenario's name
  std::vector<JunitCase> cases;
  double seconds = 0;  // wall time spent on the suite, printed to the millisecond
};

// The whole file, from the XML declaration on; `report_name` names <testsuites> ("deploysim
// check") and its time is the suites' sum. The caller checks the stream.
void write_junit(std::ostream& out, const std::string& report_name, const std::vector<JunitSuite>& suites);

}  // namespace harness::report
