#include "harness/train/console.h"

namespace harness::train {

std::string Console::paint(const std::string& text, Tone tone) const {
  if (!color_) return text;
  const char* code = "";
  switch (tone) {
    case Tone::plain: return text;
    case Tone::title: code = "\033[1m"; break;
    case Tone::good: code = "\033[32m"; break;
    case Tone::bad: code = "\033[31m"; break;
    case Tone::rule: code = "\033[36m"; break;
    case Tone::dim: code = "\033[2m"; break;
  }
  return code + text + "\033[0m";
}

std::optional<std::string> Console::ask(const std::string& prompt) {
  out_ << prompt << std::flush;
  std::string line;
  if (!std::getline(in_, line)) {
    out_ << "\n";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!interactive_) out_ << line << "\n";
  return line;
}

bool Console::pause() {
  if (!interactive_) return true;
  const auto line = ask(paint("  [Enter] next step, q to skip to the end ", Tone::dim));
  return line && *line != "q";
}

}  // namespace harness::train
