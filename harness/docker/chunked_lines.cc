#include "harness/docker/chunked_lines.h"

#include <algorithm>

namespace harness::docker {

std::vector<std::string> ChunkedLines::feed(const char* data, std::size_t size) {
  raw_.append(data, size);
  for (;;) {
    if (in_chunk_) {
      const std::size_t n = std::min(chunk_left_, raw_.size());
      pending_.append(raw_, 0, n);
      raw_.erase(0, n);
      chunk_left_ -= n;
      if (chunk_left_ > 0 || raw_.size() < 2) break;
      raw_.erase(0, 2);  // the CRLF after the chunk's data
      in_chunk_ = false;
      continue;
    }
    const std::size_t crlf = raw_.find("\r\n");
    if (crlf == std::string::npos) break;
    chunk_left_ = std::stoul(raw_.substr(0, crlf), nullptr, 16);  // hex size; an extension after ';' is ignored
    raw_.erase(0, crlf + 2);
    in_chunk_ = true;
    if (chunk_left_ == 0) ended_ = true;
  }
  std::vector<std::string> lines;
  for (std::size_t nl; (nl = pending_.find('\n')) != std::string::npos;) {
    lines.push_back(pending_.substr(0, nl));
    pending_.erase(0, nl + 1);
  }
  return lines;
}

}  // namespace harness::docker
