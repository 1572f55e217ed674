#include "docker/chaos_app/tcp.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chaos {
namespace {

bool to_sockaddr(const std::string& ip, int port, sockaddr_in& sa) {
  std::memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons(static_cast<std::uint16_t>(port));
  return inet_pton(AF_INET, ip.c_str(), &sa.sin_addr) == 1;
}

// A connected socket, or -1.
int connect_within(const Address& to, int timeout_ms) {
  sockaddr_in sa;
  if (!to_sockaddr(to.ip, to.port, sa)) return -1;
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  pollfd p{fd, POLLOUT, 0};
  int error = 0;
  socklen_t len = sizeof error;
  if (poll(&p, 1, timeout_ms) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

bool can_connect(const Address& to, int timeout_ms) {
  const int fd = connect_within(to, timeout_ms);
  if (fd < 0) return false;
  close(fd);
  return true;
}

int listen_on(const std::string& ip, int port) {
  sockaddr_in sa;
  if (!to_sockaddr(ip, port, sa)) return -1;
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || listen(fd, 64) != 0) {
    const int saved = errno;
    close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

int http_get(const Address& to, const std::string& path, int timeout_ms) {
  const int fd = connect_within(to, timeout_ms);
  if (fd < 0) return -1;
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + to.ip + "\r\n\r\n";
  int code = -1;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    pollfd p{fd, POLLIN, 0};
    char buf[64] = {};
    // "HTTP/1.x NNN": the status code is all a probe needs.
    if (poll(&p, 1, timeout_ms) == 1 && recv(fd, buf, sizeof buf - 1, 0) >= 12 &&
        std::strncmp(buf, "HTTP/", 5) == 0)
      code = std::atoi(buf + 9);
  }
  close(fd);
  return code;
}

std::string read_request_path(int fd) {
  std::string head;
  char buf[512];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 8192) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    head.append(buf, static_cast<std::size_t>(n));
  }
  const auto first = head.find(' ');
  const auto second = first == std::string::npos ? first : head.find(' ', first + 1);
  if (second == std::string::npos) return "";
  return head.substr(first + 1, second - first - 1);
}

void write_response(int fd, int code, const std::string& body) {
  const std::string text = "HTTP/1.0 " + std::to_string(code) + " X\r\nContent-Type: text/plain\r\n"
                           "Content-Length: " + std::to_string(body.size() + 1) + "\r\nConnection: close\r\n\r\n" +
                           body + "\n";
  send(fd, text.data(), text.size(), MSG_NOSIGNAL);
}

}  // namespace chaos
