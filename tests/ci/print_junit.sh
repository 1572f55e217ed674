#!/bin/sh
# print_junit.sh OUT COMMAND...: runs COMMAND (which writes the JUnit file OUT), throws its own
# output away, prints OUT and exits with COMMAND's code, so a CLI test can match the file and check
# the code.
out=$1
shift
"$@" >/dev/null
code=$?
cat "$out"
exit $code
