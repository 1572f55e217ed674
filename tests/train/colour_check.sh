#!/bin/sh
# usage: colour_check.sh DEPLOYSIM LIBRARY
# On a terminal (a pseudo-terminal from util-linux's `script`) `deploysim train` is in colour;
# with NO_COLOR set it is not. The same answers are typed both times.
set -u
deploysim=$1 library=$2
esc=$(printf '\033')
answers='2\nr\nb\ne\nq\nq\n'
printf "$answers" | script -qec "$deploysim train --library $library" /dev/null > colour.txt 2>&1
printf "$answers" | NO_COLOR=1 script -qec "$deploysim train --library $library" /dev/null > plain.txt 2>&1
for f in colour.txt plain.txt; do
  grep -q "Score: 3 of 3" $f || { echo "FAIL: $f has no finished session:"; cat $f; exit 1; }
done
grep -q "$esc\[1m" colour.txt || { echo "FAIL: no colour on a terminal"; exit 1; }
if grep -q "$esc\[" plain.txt; then echo "FAIL: colour despite NO_COLOR"; exit 1; fi
echo "colour on a terminal, none with NO_COLOR"
