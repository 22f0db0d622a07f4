#!/usr/bin/env bash
# The mutation gate (proofs/mutants/README.md). Needs the compiled tree of `mvn -B verify`; the KeY
# part also needs the runner compiled by `mvn -Pkey ... verify` (CI's step 4).
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
mkdir -p target/mutants
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/mutants/test-classpath.txt \
    || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/mutants/test-classpath.txt
args=(--root . --test-classpath target/mutants/test-classpath.txt)
if [ "$what" = all ]; then
    mvn -B -q -o -Pkey dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/mutants/key-classpath.txt \
        || mvn -B -q -Pkey dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/mutants/key-classpath.txt
    test -f target/test-classes/ngdref/proofs/KeyRunner.class || {
        echo "the KeY runner is not compiled: run mvn -B -Pkey -DskipTests verify -Dkey.mode=replay first" >&2; exit 1; }
    args+=(--key-classpath target/mutants/key-classpath.txt)
fi
java -cp "target/test-classes:target/classes:$(cat target/mutants/test-classpath.txt)" \
    ngdref.verification.MutationGate "${args[@]}"
