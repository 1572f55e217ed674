# `deploysim check` end to end, and its exit codes (0 all intents hold, 1 a violation, 2 bad input).
deploysim_expect_test("cli: check finds the weak example's false rollback and its counterexample replays to the same outcome"
  REGEX "check, run and explain agree: ROLLED_BACK"
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/check_replay.sh $<TARGET_FILE:deploysim>
          ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json ${CMAKE_CURRENT_BINARY_DIR}/check-weak)

function(deploysim_check_test name regex)
  deploysim_exit_test("${name}" ${CMAKE_CURRENT_BINARY_DIR} "${regex}" check ${ARGN})
endfunction()

deploysim_check_test("check of a file without a check section exits 2"
  "has no \"check\" section.*exit=2" ${PROJECT_SOURCE_DIR}/scenarios/examples/default.json)
deploysim_check_test("check without a file exits 2" "check: a scenario FILE is required.*exit=2")
deploysim_check_test("check with --runs 0 exits 2" "--runs must be 1 or more.*exit=2"
  --runs 0 ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json)
deploysim_check_test("check prints its throughput in runs per second"
  "simulated runs in [0-9.]+ s \\([0-9]+ runs/s\\).*exit=1"
  --runs 20 --seed 1 ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json)
deploysim_check_test("check of the weak example's fixed twin finds every intent met and exits 0"
  "HOLDS     \"no rollback of a good deploy[^\n]*\\(100 runs\\)\n  HOLDS     \"bad deploys roll back within 20 min\" \\(100 runs\\).*exit=0"
  --runs 100 --seed 1 ${PROJECT_SOURCE_DIR}/scenarios/examples/grace-covers-slow-start.json)
deploysim_expect_test("cli: check of an intent about bad deploys without a breaking fault exits 2" EXIT 2
  WORKDIR ${CMAKE_CURRENT_BINARY_DIR}
  REGEX "intent \"bad deploys roll back within 10 min\" is about bad deploys, but check.envelope.breaking names no fault that applies.*exit=2"
  PREPARE python3 ${CMAKE_CURRENT_SOURCE_DIR}/patch_scenario.py
          ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json no-breaking.json
          "/check/envelope/breaking=[\"missing_probe_binary\"]"
  COMMAND $<TARGET_FILE:deploysim> check no-breaking.json)
