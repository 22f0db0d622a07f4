#!/usr/bin/env bash
# The conformance suite in CI (.ci/run step 6; spec/conformance/v1/README.md):
#   1. the committed files match their SHA256SUMS;
#   2. `ngdref vectors --suite v1` regenerates them byte for byte;
#   3. the reference library passes: every scalar but ψ, every refusal and error kind at 0 ulp;
#      ψ at 3 ulp (the bound spec/ACCURACY.md states), the components of M·x and M⁻¹·b at 2 ulp;
#   4. the Python grader's unit tests pass, and it prints exactly what `ngdref check` prints (same
#      bytes, same exit code) on the library's results and on two NumPy implementations';
#   5. the NumPy eigvalsh implementation fails the suite on lambda_min and on an edge category;
#   6. the wrapper ./ngdref (with its class-data-sharing archive) answers the suite's requests with
#      the same bytes as `java -jar`, the archive made on this run and then reused.
# Needs target/ngdref.jar (mvn package), python3 and NumPy (Debian: python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/../.."
suite=spec/conformance/v1
jar=target/ngdref.jar
out=target/conformance
ngdref() { java -jar "$jar" "$@"; }
rm -rf "$out"
mkdir -p "$out"

echo "1. checksums of the committed suite"
(cd "$suite" && sha256sum --quiet -c SHA256SUMS)

echo "2. regenerating the suite from its seed"
start=$(date +%s)
ngdref vectors --suite v1 -o "$out/v1" --no-progress
(cd "$out/v1" && sha256sum --quiet -c "../../../$suite/SHA256SUMS")
cmp "$out/v1/SHA256SUMS" "$suite/SHA256SUMS"
echo "   identical ($(( $(date +%s) - start )) s)"

echo "3. the reference library"
ngdref batch < "$suite/requests.jsonl" > "$out/library.jsonl"
scalars=y_dot_g,y_dot_y,g_dot_g,cos_psi,sin_psi,norm_ratio,gamma,alpha,lambda_max,lambda_min,lambda_d,kappa,kappa_min,lambda_min_sup,lambda_max_inf,error
ngdref check "$suite" "$out/library.jsonl" --ulps 0 --quantities "$scalars" | tail -1
ngdref check "$suite" "$out/library.jsonl" --ulps 3 --quantities psi | tail -1
ngdref check "$suite" "$out/library.jsonl" --ulps 2 --quantities mx,solve | tail -1

echo "4. the Python grader"
python3 -m unittest discover -s clients/python -p 'test_*.py' 2>&1 | tail -1
python3 docs/check_numpy_example.py --suite "$suite" "$out/numpy-eigh.jsonl" --method eigh
python3 docs/check_numpy_example.py --suite "$suite" "$out/numpy-closed.jsonl" --method closed
agree() {   # results, ulps: same report and exit code from Java and Python
    local java_rc=0 python_rc=0
    ngdref check "$suite" "$1" --ulps "$2" > "$1.java.txt" || java_rc=$?
    python3 clients/python/ngdref_grade.py "$suite" "$1" --ulps "$2" > "$1.python.txt" || python_rc=$?
    if [ "$java_rc" != "$python_rc" ] || ! cmp -s "$1.java.txt" "$1.python.txt"; then
        echo "the Python grader disagrees with ngdref check on $1 at $2 ulp (exit $python_rc vs $java_rc):"
        diff "$1.java.txt" "$1.python.txt" | head -20
        exit 1
    fi
    echo "   $1 at $2 ulp: same report ($(wc -l < "$1.java.txt") lines), exit $java_rc"
}
agree "$out/library.jsonl" 0
agree "$out/library.jsonl" 2
agree "$out/numpy-eigh.jsonl" 0
agree "$out/numpy-closed.jsonl" 4

echo "5. NumPy eigvalsh fails the suite where it should"
report="$out/numpy-eigh.jsonl.java.txt"
grep -q '^FAIL [a-z_]*-[0-9]* lambda_min:' "$report" || { echo "no lambda_min failure"; exit 1; }
grep -Eq '^FAIL (subnormal_results|near_overflow|out_of_range|mixed_magnitudes|extreme_parameters)-' "$report" \
    || { echo "no failure in an edge category"; exit 1; }
echo "   lambda_min failures: $(grep -c '^FAIL [a-z_]*-[0-9]* lambda_min:' "$report");" \
     "edge-category failures: $(grep -Ec '^FAIL (subnormal_results|near_overflow|out_of_range|mixed_magnitudes|extreme_parameters)-' "$report")"

echo "6. the wrapper ./ngdref and its class-data-sharing archive"
rm -f target/ngdref.jsa
./ngdref batch < "$suite/requests.jsonl" > "$out/wrapper-first.jsonl"
[ -f target/ngdref.jsa ] || { echo "./ngdref made no archive target/ngdref.jsa"; exit 1; }
./ngdref batch < "$suite/requests.jsonl" > "$out/wrapper-archive.jsonl"
cmp "$out/library.jsonl" "$out/wrapper-first.jsonl"
cmp "$out/library.jsonl" "$out/wrapper-archive.jsonl"
echo "   same answers with and without the archive"
