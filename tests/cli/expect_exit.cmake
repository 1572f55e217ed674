# Runs one CLI test: `cmake -DSPEC=<file> -P expect_exit.cmake`. The spec file (written by
# deploysim_expect_test in tests/cli/CMakeLists.txt) sets `command` (the argv), `expected_exit`,
# `regex`, and optionally `prepare` (a command that must exit 0 first) and `fail_regex`.
#
# The test passes only if the command exits normally with `expected_exit` — a crash or a signal
# fails it whatever it printed — and its output (stdout and stderr merged, then "exit=<code>" on a
# line of its own, so a regex may name the code too) matches `regex` and not `fail_regex`. The
# regex dialect is CTest's own (PASS_REGULAR_EXPRESSION uses the same engine).
include(${SPEC})

if(prepare)
  execute_process(COMMAND ${prepare} RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT code STREQUAL "0")
    message(FATAL_ERROR "FAILED: the preparation exited ${code}:\n${output}")
  endif()
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(APPEND output "exit=${code}\n")
message("${output}")

set(problems "")
if(NOT code MATCHES "^[0-9]+$")
  string(APPEND problems "the command did not exit normally: ${code}\n")
elseif(NOT code EQUAL expected_exit)
  string(APPEND problems "the command exited ${code}, expected ${expected_exit}\n")
endif()
if(NOT output MATCHES "${regex}")
  string(APPEND problems "the output does not match: ${regex}\n")
endif()
if(DEFINED fail_regex AND output MATCHES "${fail_regex}")
  string(APPEND problems "the output matches what it must not: ${fail_regex}\n")
endif()
if(problems)
  message(FATAL_ERROR "FAILED:\n${problems}")
endif()
