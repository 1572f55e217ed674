# `deploysim lint` as CI runs it: what it flags in the incident library and its exit code (1 on
# errors, 0 otherwise, 2 on bad input).
function(deploysim_lint_test name regex)
  deploysim_exit_test("${name}" ${PROJECT_SOURCE_DIR} "${regex}" lint ${ARGN})
endfunction()

deploysim_lint_test("lint flags seed 000's 128 MiB limit below the app's peak and exits 1"
  "error memory-below-peak at /taskDefinitions/1/containerDefinitions/0/memory: 128 MiB is below the app's peak of 253 MiB.*exit=1"
  scenarios/incidents/000-oom-128mb.json)
deploysim_lint_test("lint flags seed 004's missing wget and disabled breaker and exits 1"
  "error health-check-binary-missing at /taskDefinitions/1/containerDefinitions/0/healthCheck/command.*warning breaker-disabled at /service/deploymentConfiguration/deploymentCircuitBreaker/enable.*exit=1"
  scenarios/incidents/004-wget-loop-breaker-off.json)
deploysim_lint_test("lint --json prints the findings as an array"
  "^\\[.*\"rule\": \"breaker-disabled\".*\\]\nexit=1"
  --json scenarios/incidents/004-wget-loop-breaker-off.json)

# The fixed twin: no error (a warning may remain), exit 0.
deploysim_expect_test("cli: lint finds no error in seed 000's 512 MiB fix and exits 0"
  REGEX "in scenarios/incidents/000-fixed-512mb.json \\(deploying alia-bot:27\\)\nexit=0"
  FAIL_REGEX "error [a-z-]+ at "
  COMMAND $<TARGET_FILE:deploysim> lint scenarios/incidents/000-fixed-512mb.json)

deploysim_lint_test("lint of a missing file exits 2 naming the file"
  "no/such/file.json: expected a readable file.*exit=2" no/such/file.json)
deploysim_lint_test("lint without a file exits 2" "lint: a scenario FILE is required.*exit=2")
