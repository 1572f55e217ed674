// The terminal a training session talks to: it reads answers line by line (a person typing, or a
// script piped in) and writes text, in colour only when the output is a terminal and NO_COLOR is
// unset (no-color.org), and pauses between steps only when a person is typing.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace harness::train {

enum class Tone { plain, title, good, bad, rule, dim };

class Console {
 public:
  // `color`: use ANSI colours; `interactive`: the input is a person at a terminal.
  Console(std::istream& in, std::ostream& out, bool color, bool interactive)
      : in_(in), out_(out), color_(color), interactive_(interactive) {}

  std::ostream& out() { return out_; }
  bool interactive() const { return interactive_; }

  // `text` in `tone` (plain text without colours).
  std::string paint(const std::string& text, Tone tone) const;

  // Prints `prompt`, reads one line. Scripted input is echoed, so a transcript reads like a
  // session. nullopt at the end of the input.
  std::optional<std::string> ask(const std::string& prompt);

  // Waits for Enter when a person is typing; returns false when they typed q (or input ended).
  bool pause();

 private:
  std::istream& in_;
  std::ostream& out_;
  bool color_;
  bool interactive_;
};

}  // namespace harness::train
