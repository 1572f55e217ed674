// The few POSIX socket calls the chaos app needs: connect with a timeout, listen, and a one-shot
// HTTP GET. Plain sockets, because the app is a static binary in a scratch image.
#pragma once

#include <string>

#include "docker/chaos_app/chaos_config.h"

namespace chaos {

// True when a TCP connection to `to` opens within `timeout_ms`.
bool can_connect(const Address& to, int timeout_ms);

// A listening socket bound to ip:port (SO_REUSEADDR), or -1 with errno set.
int listen_on(const std::string& ip, int port);

// GETs `path` from `to` and returns the HTTP status code, or -1 when no answer came within
// `timeout_ms` (refused, reset, timed out).
int http_get(const Address& to, const std::string& path, int timeout_ms);

// Reads an HTTP request's head from `fd` (up to the blank line) and returns its path, or "".
std::string read_request_path(int fd);

// Writes a minimal HTTP/1.0 response with a one-line body and closes nothing.
void write_response(int fd, int code, const std::string& body);

}  // namespace chaos
