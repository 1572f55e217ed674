// `deploysim merge PARTIAL...`: joins the partial files of a sharded sweep into the same CSV,
// JSON, HTML and charts an unsharded `deploysim sweep` writes, byte for byte.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0, or 2 on bad input or flags.
int merge_command(const std::vector<std::string>& args);

}  // namespace harness::cli
