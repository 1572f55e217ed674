# The commands as CI runs them (labels ci and cli): `deploysim diff` (the measures a change moves,
# the Markdown comment, --fail-on's exit 1, exit 2 on bad input) and the JUnit files of `run` and
# `lint` (the shared writer, harness/report/junit.h). Included from tests/cli/CMakeLists.txt for
# deploysim_expect_test.
set(_incidents ${PROJECT_SOURCE_DIR}/scenarios/incidents)
set(_sweeps ${PROJECT_SOURCE_DIR}/scenarios/sweeps)
set(_patch ${PROJECT_SOURCE_DIR}/tests/cli/patch_scenario.py)
set(_work ${CMAKE_CURRENT_BINARY_DIR}/diff)
file(MAKE_DIRECTORY ${_work})

deploysim_expect_test("ci: diff of seed 000 and its 512 MiB fix shows the OOM rollbacks gone, in Markdown"
  LABELS "ci;cli"
  REGEX "\\| `/taskDefinitions/1/containerDefinitions/0/memory` \\| 128 \\| 512 \\|.*removed error `memory-below-peak`.*\\| ROLLED_BACK \\| 100.0 % \\| 0.0 % \\| 🟢 -100.0 pp \\|.*\\| failed tasks per deploy \\| 3.00 \\| 0.00 \\|.*exit=0"
  COMMAND $<TARGET_FILE:deploysim> diff --markdown --runs 50 --fail-on false-rollback,stuck
          ${_incidents}/000-oom-128mb.json ${_incidents}/000-fixed-512mb.json)
deploysim_expect_test("ci: diff exits 1 when HEAD brings seed 000's OOM back and --fail-on names false rollbacks"
  EXIT 1 LABELS "ci;cli"
  REGEX "ROLLED_BACK +0.0 % +100.0 % +\\+100.0 pp \\(worse\\).*verdict: HEAD is worse on false-rollback \\(as written\\): 0.0 % -> 100.0 %, tolerance 0"
  COMMAND $<TARGET_FILE:deploysim> diff --runs 50 --fail-on false-rollback
          ${_incidents}/000-fixed-512mb.json ${_incidents}/000-oom-128mb.json)
# The grace-period cut of the closing note, over the shipped sweep's population (good deploys that
# start slowly or meet a Discord blip, and four kinds of bad ones), one health-check retry: 180 s
# of grace roll back almost no good deploy, 60 s roll back one in seven; a hang is caught 6 min
# sooner. Within a tolerance of 20 points the same cut passes.
deploysim_expect_test("ci: diff of a grace-period cut shows false rollbacks of good deploys appear, exit 1"
  EXIT 1 LABELS "ci;cli"
  REGEX "\\| `/service/healthCheckGracePeriodSeconds` \\| 180 \\| 60 \\|.*\\*\\*good deploys\\*\\* \\([0-9]+ deploys\\).*\\| ROLLED_BACK \\(false rollbacks\\) \\| 0.[0-9] % \\| 1[0-9].[0-9] % \\| 🔴 \\+1[0-9].[0-9] pp \\|.*\\*\\*login-hangs\\*\\*.*\\| time to roll back p95 \\| [0-9]+ s \\| [0-9]+ s \\| 🟢 -360 s \\|.*❌ `false-rollback` \\(good deploys\\)"
  PREPARE sh -c "python3 ${_patch} ${_sweeps}/000-health-check-base.json ${_work}/grace-180.json /service/healthCheckGracePeriodSeconds=180 /taskDefinitions/1/containerDefinitions/0/healthCheck/retries=1 && python3 ${_patch} ${_sweeps}/000-health-check-base.json ${_work}/grace-60.json /service/healthCheckGracePeriodSeconds=60 /taskDefinitions/1/containerDefinitions/0/healthCheck/retries=1"
  COMMAND $<TARGET_FILE:deploysim> diff --markdown --runs 300 --sweep ${_sweeps}/000-grace-retries.sweep.json
          --fail-on false-rollback:1 ${_work}/grace-180.json ${_work}/grace-60.json)
deploysim_expect_test("ci: diff --fail-on with a tolerance above the change passes the same grace-period cut"
  LABELS "ci;cli"
  REGEX "\"regressions\": \\[\\].*exit=0"
  PREPARE sh -c "python3 ${_patch} ${_sweeps}/000-health-check-base.json ${_work}/tol-180.json /service/healthCheckGracePeriodSeconds=180 /taskDefinitions/1/containerDefinitions/0/healthCheck/retries=1 && python3 ${_patch} ${_sweeps}/000-health-check-base.json ${_work}/tol-60.json /service/healthCheckGracePeriodSeconds=60 /taskDefinitions/1/containerDefinitions/0/healthCheck/retries=1"
  COMMAND $<TARGET_FILE:deploysim> diff --json --runs 300 --sweep ${_sweeps}/000-grace-retries.sweep.json
          --fail-on false-rollback:20 ${_work}/tol-180.json ${_work}/tol-60.json)

# Bad input: exit 2, saying what was expected.
deploysim_expect_test("ci: diff of two different services exits 2 naming HEAD"
  EXIT 2 LABELS "ci;cli"
  REGEX "004-wget-loop-breaker-off.json: at /service: expected the service BASE deploys \\(alia-bot-service in cluster alia-bot-cluster\\): a diff compares two versions of one service, found rule-service"
  COMMAND $<TARGET_FILE:deploysim> diff ${_incidents}/000-oom-128mb.json ${_incidents}/004-wget-loop-breaker-off.json)
deploysim_expect_test("ci: diff with a base ref git does not know exits 2"
  EXIT 2 LABELS "ci;cli"
  REGEX "000-oom-128mb.json: expected a file in git ref no-such-ref-deploysim, found fatal: .*exit=2"
  COMMAND $<TARGET_FILE:deploysim> diff --base-ref no-such-ref-deploysim ${_incidents}/000-oom-128mb.json)
deploysim_expect_test("ci: diff whose HEAD fails to load exits 2 at the file and position"
  EXIT 2 LABELS "ci;cli"
  REGEX "broken.json:[0-9]+:[0-9]+: at /service/desiredCount: expected .*found \"two\""
  PREPARE python3 ${_patch} ${_incidents}/000-fixed-512mb.json ${_work}/broken.json "/service/desiredCount=\"two\""
  COMMAND $<TARGET_FILE:deploysim> diff ${_incidents}/000-oom-128mb.json ${_work}/broken.json)
deploysim_expect_test("ci: diff --fail-on with an unknown measure exits 2 listing the measures"
  EXIT 2 LABELS "ci;cli"
  REGEX "diff: --fail-on \"speed\": expected one of completed, false-rollback, .*task-hours"
  COMMAND $<TARGET_FILE:deploysim> diff --fail-on speed ${_incidents}/000-oom-128mb.json ${_incidents}/000-fixed-512mb.json)
deploysim_expect_test("ci: diff with one file exits 2"
  EXIT 2 LABELS "ci;cli"
  REGEX "diff: BASE and HEAD scenario files are required"
  COMMAND $<TARGET_FILE:deploysim> diff ${_incidents}/000-oom-128mb.json)

# JUnit: `run --junit` reports the scenario's `expect` as one case, `lint --junit` one case per rule.
# print_junit.sh prints the file and keeps the command's exit code.
set(_print_junit sh ${PROJECT_SOURCE_DIR}/tests/ci/print_junit.sh)
deploysim_expect_test("ci: run --junit reports a met expect as a passed case"
  LABELS "ci;cli"
  REGEX "<testsuites name=\"deploysim run\" tests=\"1\" failures=\"0\".*<testcase classname=\"deploysim.run.seed-000-oom-128mb\" name=\"expect\">\n      <system-out>outcome: ROLLED_BACK</system-out>.*exit=0"
  COMMAND ${_print_junit} ${_work}/run-met.xml $<TARGET_FILE:deploysim>
          run -q --junit ${_work}/run-met.xml ${_incidents}/000-oom-128mb.json)
deploysim_expect_test("ci: run --junit fails the expect case with every unmet expectation and the replay"
  EXIT 1 LABELS "ci;cli"
  REGEX "failures=\"1\".*<failure message=\"failed tasks: expected at least 20, got 6\" type=\"ExpectationNotMet\">failed tasks: expected at least 20, got 6\n.*replay: deploysim run .*004-wget-loop-breaker-off.json --seed"
  COMMAND ${_print_junit} ${_work}/run-unmet.xml $<TARGET_FILE:deploysim>
          run -q --horizon 600 --junit ${_work}/run-unmet.xml ${_incidents}/004-wget-loop-breaker-off.json)
deploysim_expect_test("ci: lint --junit fails the rule that found an error and passes the others"
  EXIT 1 LABELS "ci;cli"
  REGEX "<testsuites name=\"deploysim lint\" tests=\"21\" failures=\"1\".*name=\"memory-below-peak\">\n      <failure message=\"128 MiB is below the app&#39;s peak of 253 MiB.*type=\"LintError\">.*name=\"single-task-zero-min\">\n      <system-out>warning at /service/deploymentConfiguration/minimumHealthyPercent"
  COMMAND ${_print_junit} ${_work}/lint.xml $<TARGET_FILE:deploysim>
          lint --junit ${_work}/lint.xml ${_incidents}/000-oom-128mb.json)

# A scenario with a "check" section: diff runs the cases `check` draws from BASE's envelope (slow
# starts up to 120 s, Redis blips, four breaking faults). A 180 s grace period instead of 30 s stops
# the false rollbacks of slow starts; --as-written runs the scenarios as written instead.
deploysim_expect_test("ci: diff over BASE's check envelope shows a longer grace period ending false rollbacks"
  LABELS "ci;cli"
  REGEX "population: 100 deploys drawn from the check envelope of .*weak-grace-strict-breaker.json \\(seed 7\\).*good deploys \\(51 deploys\\):\n  COMPLETED +5.9 % +98.0 % +\\+92.2 pp \\(better\\)\n  ROLLED_BACK \\(false rollbacks\\) +92.2 % +2.0 % +-90.2 pp \\(better\\).*\noom \\([0-9]+ deploys\\):.*bind_localhost.*verdict: HEAD is no worse than BASE on the --fail-on measures\nexit=0"
  PREPARE python3 ${_patch} ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json
          ${_work}/weak-180.json /service/healthCheckGracePeriodSeconds=180
  COMMAND $<TARGET_FILE:deploysim> diff --runs 100 --fail-on false-rollback
          ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json ${_work}/weak-180.json)
deploysim_expect_test("ci: diff --as-written ignores the check envelope"
  LABELS "ci;cli"
  REGEX "population: 50 deploys of each scenario as written, one seed each.*as written \\(50 deploys\\)"
  PREPARE python3 ${_patch} ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json
          ${_work}/weak-180w.json /service/healthCheckGracePeriodSeconds=180
  COMMAND $<TARGET_FILE:deploysim> diff --as-written --runs 50
          ${PROJECT_SOURCE_DIR}/scenarios/examples/weak-grace-strict-breaker.json ${_work}/weak-180w.json)
