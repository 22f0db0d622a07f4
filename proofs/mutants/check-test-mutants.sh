#!/usr/bin/env bash
# Developer helper (the CI gate is separate): checks the mutants of test-mutants.tsv.
#
# First the union of the listed test classes runs on an unmutated copy and must pass. Then, for
# each mutant, a fresh copy of pom.xml, src/ and test/ gets the mutant (its old text must occur
# exactly once in the file), the listed test classes run with Maven's default settings (200 jqwik
# tries) and must fail with test failures, not with a compilation error.
#
# Usage: proofs/mutants/check-test-mutants.sh [ID...]        (no ID: every mutant)
# Environment: MVN, the Maven command (default "mvn -B -o -q": offline, quiet).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
tsv="$root/proofs/mutants/test-mutants.tsv"
read -r -a mvn_cmd <<< "${MVN:-mvn -B -o -q}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The selected rows, validated, one per line: id, file, old, new, tests (TAB-separated).
rows=$(python3 - "$tsv" "$@" << 'PY'
import sys
path, wanted = sys.argv[1], set(sys.argv[2:])
seen = set()
for n, line in enumerate(open(path, encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    cols = line.split('\t')
    if len(cols) != 6 or not all(cols):
        sys.exit(f"{path}:{n}: expected 6 nonempty TAB-separated columns, got {len(cols)}")
    if cols[0] in seen:
        sys.exit(f"{path}:{n}: duplicate id {cols[0]}")
    seen.add(cols[0])
    if not wanted or cols[0] in wanted:
        print('\t'.join(cols[:5]))
missing = wanted - seen
if missing:
    sys.exit(f"unknown id(s): {' '.join(sorted(missing))}")
PY
)

fresh_copy() {
    rm -rf "$scratch/repo"
    mkdir -p "$scratch/repo"
    cp -r "$root/pom.xml" "$root/src" "$root/test" "$scratch/repo/"
}

run_tests() { # $1: comma-separated classes; the log goes to $scratch/log
    (cd "$scratch/repo" && "${mvn_cmd[@]}" test -Dtest="$1" > "$scratch/log" 2>&1)
}

all_tests=$(printf '%s\n' "$rows" | cut -f5 | tr ',' '\n' | sort -u | paste -sd, -)
fresh_copy
echo "unmutated: $all_tests"
if ! run_tests "$all_tests"; then
    tail -n 40 "$scratch/log"
    echo "FAIL: the listed tests do not pass on the unmutated code" >&2
    exit 1
fi

failures=0
while IFS=$'\t' read -r id file old new tests; do
    fresh_copy
    python3 - "$scratch/repo/$file" "$old" "$new" << 'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path, encoding='utf-8').read()
if text.count(old) != 1:
    sys.exit(f"{path}: the old text occurs {text.count(old)} times, not once: {old}")
open(path, 'w', encoding='utf-8').write(text.replace(old, new, 1))
PY
    if run_tests "$tests"; then
        echo "SURVIVED  $id ($tests passed)"
        failures=$((failures + 1))
    elif grep -q "COMPILATION ERROR" "$scratch/log" || ! grep -Eq "Tests run:.*(Failures|Errors): [1-9]" "$scratch/log"; then
        echo "BROKEN    $id (no test failure: does the mutant compile?)"
        tail -n 20 "$scratch/log"
        failures=$((failures + 1))
    else
        echo "killed    $id by: $(sed -nE 's/^\[ERROR\] (ngdref\.[^ ]+) -- Time elapsed.*<<< (FAILURE|ERROR)!.*/\1/p' "$scratch/log" | paste -sd' ' -)"
    fi
done <<< "$rows"

if [ "$failures" -gt 0 ]; then
    echo "$failures mutant(s) not killed cleanly" >&2
    exit 1
fi
echo "every mutant killed"
