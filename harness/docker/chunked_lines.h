// The lines of an HTTP/1.1 chunked body, as its bytes arrive: what the Engine API streams (GET
// /events, GET /containers/{id}/stats?stream=true) is one JSON object a line, chunked.
//
// Beast's parser hands a chunk's bytes over only once the next chunk's header has arrived, which
// would hold every line back until the next one; so a stream's body is read raw and its chunk
// framing undone here. Bytes may arrive split anywhere (inside a chunk header, a line, a CRLF).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace harness::docker {

class ChunkedLines {
 public:
  // Takes `size` more bytes of the body; returns the lines they completed, without their '\n'.
  std::vector<std::string> feed(const char* data, std::size_t size);

  // True once the last chunk (size 0) has come: the body is complete.
  bool ended() const { return ended_; }

  // Forgets everything (a new body follows).
  void reset() { *this = ChunkedLines(); }

 private:
  std::string raw_;      // chunked bytes not yet decoded
  std::size_t chunk_left_ = 0;
  bool in_chunk_ = false;
  std::string pending_;  // decoded bytes of a line not yet complete
  bool ended_ = false;
};

}  // namespace harness::docker
