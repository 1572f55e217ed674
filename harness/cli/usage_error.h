// A mistake in the command line: reported once at the edge, exit code 2.
#pragma once

#include <stdexcept>

namespace harness::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace harness::cli
