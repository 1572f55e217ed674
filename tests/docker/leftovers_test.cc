// harness/docker/leftovers: whose containers a run's are, and whether that run is still going.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include "harness/docker/leftovers.h"

using harness::docker::run_going;
using harness::docker::run_owner_pid;

TEST_CASE("a run id names its owner process") {
  // Given the ids real, compare and profile give their runs, then the pid is their first number.
  CHECK(run_owner_pid("1234-1733350000000") == 1234);
  CHECK(run_owner_pid("profile-4321") == 4321);
  CHECK(run_owner_pid("faulttest-77") == 77);
  CHECK_FALSE(run_owner_pid("handmade").has_value());
}

TEST_CASE("a run whose process lives is going; one whose process has ended is not") {
  // Given this process's pid in a run id, then the run is going; given a child that has exited
  // and been reaped, then its run is not; a run id without a pid is never going.
  CHECK(run_going(std::to_string(getpid()) + "-1"));
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  CHECK_FALSE(run_going(std::to_string(child) + "-1"));
  CHECK_FALSE(run_going("handmade"));
}
