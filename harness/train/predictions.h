// The three predictions a trainee makes before watching a run — how it ends, when, and which
// check fires first on the new tasks — with the answers read from the run itself, so the score
// is always against what the simulator did.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::train {

struct Choice {
  std::string key;    // what the trainee types: "r"
  std::string words;  // "ROLLED_BACK: the breaker trips and ECS rolls back"
};

struct Question {
  std::string text;
  std::vector<Choice> choices;
  std::string answer;  // the key of the right choice
  std::string why;     // one line: what the run shows
};

// The questions for this run, with their right answers.
std::vector<Question> questions_for(const sim::model::Scenario& scenario, const sim::observe::RunResult& result,
                                    const sim::observe::Trace& trace);

// The choice `typed` names (its key or the first word of its words, any case), or "" for none.
std::string match_choice(const Question& q, const std::string& typed);

}  // namespace harness::train
