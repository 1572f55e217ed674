#include "sim/model/health_check.h"

#include <catch2/catch.hpp>

namespace sim::model {
namespace {

// Source for this file: ecs-rules §5 container health checks, `command` (API_HealthCheck.html):
// CMD runs the command directly, CMD-SHELL through the container's default shell.

TEST_CASE("a CMD-SHELL wget check names wget and the URL it probes") {
  // Given the wget spider check of seed 004, when parsed, then binary wget, localhost:8081/health.
  const std::vector<std::string> cmd = {
      "CMD-SHELL", "wget --quiet --tries=1 --spider http://localhost:8081/health || exit 1"};
  const ProbeCommand p = parse_probe_command(cmd);
  CHECK(p.binary == "wget");
  CHECK(p.host == "localhost");
  CHECK(p.port == 8081);
  CHECK(p.path == "/health");
  CHECK(needs_shell(cmd));
}

TEST_CASE("a CMD-SHELL curl check names curl and a nested path") {
  // Given a curl -f readiness check, when parsed, then binary curl and path /health/ready.
  const ProbeCommand p = parse_probe_command(
      {"CMD-SHELL", "curl -f http://localhost:8080/health/ready || exit 1"});
  CHECK(p.binary == "curl");
  CHECK(p.host == "localhost");
  CHECK(p.port == 8080);
  CHECK(p.path == "/health/ready");
}

TEST_CASE("a CMD check names its first element as the binary and needs no shell") {
  // Given an exec-form probe binary, when parsed, then the binary is the element after CMD.
  const std::vector<std::string> cmd = {"CMD", "/app/probe", "http://127.0.0.1:8080/health"};
  const ProbeCommand p = parse_probe_command(cmd);
  CHECK(p.binary == "/app/probe");
  CHECK(p.host == "127.0.0.1");
  CHECK(p.port == 8080);
  CHECK(p.path == "/health");
  CHECK_FALSE(needs_shell(cmd));
}

TEST_CASE("a CMD check finds the URL after other arguments") {
  // Given the chaos app's probe with flags before the URL, when parsed, then the URL is found.
  const ProbeCommand p =
      parse_probe_command({"CMD", "/chaos", "probe", "--url", "http://localhost:8080/health"});
  CHECK(p.binary == "/chaos");
  CHECK(p.host == "localhost");
  CHECK(p.port == 8080);
  CHECK(p.path == "/health");
}

TEST_CASE("a URL without port or path defaults to port 80 and path slash") {
  // Given http://localhost with nothing after the host, when parsed, then port 80 and path "/".
  const ProbeCommand p = parse_probe_command({"CMD-SHELL", "curl -f http://localhost || exit 1"});
  CHECK(p.host == "localhost");
  CHECK(p.port == 80);
  CHECK(p.path == "/");
}

TEST_CASE("an https URL without a port defaults to 443") {
  // Given https://localhost/health, when parsed, then the scheme's port 443 is used.
  const ProbeCommand p = parse_probe_command({"CMD", "curl", "-k", "https://localhost/health"});
  CHECK(p.port == 443);
  CHECK(p.path == "/health");
}

TEST_CASE("quotes and shell operators around a URL are not part of it") {
  // Given a quoted URL glued to "||" and a query string, when parsed, then host, port and path are
  // clean and the query is dropped.
  const ProbeCommand p =
      parse_probe_command({"CMD-SHELL", "curl -sf 'http://localhost:9000/ping?deep=1'||exit 1"});
  CHECK(p.binary == "curl");
  CHECK(p.host == "localhost");
  CHECK(p.port == 9000);
  CHECK(p.path == "/ping");
}

TEST_CASE("a command without a URL has a binary but no host") {
  // Given a check that runs a script, when parsed, then binary is set and host, port, path empty.
  const ProbeCommand p = parse_probe_command({"CMD-SHELL", "pg_isready -U postgres"});
  CHECK(p.binary == "pg_isready");
  CHECK(p.host.empty());
  CHECK(p.port == 0);
  CHECK(p.path.empty());
}

TEST_CASE("unknown command shapes give an empty binary") {
  // Given commands without a CMD or CMD-SHELL prefix, or with nothing after it, when parsed, then
  // the binary is empty.
  CHECK(parse_probe_command({}).binary.empty());
  CHECK(parse_probe_command({"NONE"}).binary.empty());
  CHECK(parse_probe_command({"CMD"}).binary.empty());
  CHECK(parse_probe_command({"CMD-SHELL", "   "}).binary.empty());
  CHECK(parse_probe_command({"curl", "http://localhost/"}).binary.empty());
  CHECK_FALSE(needs_shell({}));
}

}  // namespace
}  // namespace sim::model
