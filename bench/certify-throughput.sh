#!/usr/bin/env bash
# The certified oracle's throughput (issue 13, spec/PERFORMANCE.md): `ngdref batch --certify` on
# batches of mixed lines (spectrum with γ and with α, bounds, geometry, metric with x and b, in
# turn), one JVM per batch (-Xmx384m, --jobs 2: two lines at a time on this 2-core machine), wall
# time including the JVM's start, at D = 64 and 256:
#   typical:    entries N(0,1)·2^k, k uniform in [-40, 40], mixed in each vector;
#   whole-range: entries with exponents uniform in [-1000, 1000] (the adversarial case).
# Runs the `ngdref` launcher, as a user does (its class-data archive and JVM options included;
# the archive is made before the first timed batch).
# Prints instances/s, the maximum resident set size and how many doubles of the answers were
# decided (a "rounded" value) and undecided.
# Usage: bash bench/certify-throughput.sh [typical-64 [typical-256 [wide-64 [wide-256]]]]
#        (defaults 500, 100, 200, 200 lines)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/certify-bench
mkdir -p "$out"
NGDREF_JAVA_OPTS="${NGDREF_JAVA_OPTS:--Xmx384m}" ./ngdref --version > /dev/null   # builds the jar and the archive if stale
for spec in "64 typical ${1:-500}" "256 typical ${2:-100}" "64 wide ${3:-200}" "256 wide ${4:-200}"; do
    set -- $spec
    d=$1 kind=$2 n=$3
    python3 - "$d" "$kind" "$n" > "$out/lines-$kind-$d.jsonl" <<'PY'
import json, random, sys
from fractions import Fraction
d, kind, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
r = random.Random(d * 7 + len(kind))
def wide():
    return r.choice([-1, 1]) * r.uniform(1, 2) * 2.0 ** r.randint(-1000, 1000)
for i in range(n):
    if kind == "wide":
        g = [wide() for _ in range(d)]
        y = [gi * r.uniform(0.5, 1.5) if r.random() < 0.7 else wide() for gi in g]
    else:
        g = [r.gauss(0, 1) * 2.0 ** r.randint(-40, 40) for _ in range(d)]
        y = [gi * (1 + 0.3 * r.gauss(0, 1)) + 0.5 * r.gauss(0, 1) * 2.0 ** r.randint(-40, 40) for gi in g]
    if sum(Fraction(a) * Fraction(b) for a, b in zip(g, y)) < 0:     # exact, as the library decides
        y = [-v for v in y]
    op = ["spectrum", "bounds", "geometry", "spectrum", "metric"][i % 5]
    req = {"id": i, "op": op, "g": [v.hex() for v in g], "y": [v.hex() for v in y]}
    if op == "spectrum" and i % 2:
        req["alpha"] = r.uniform(1, 2) * 2.0 ** r.randint(-30, 30)
    elif op == "spectrum":
        req["gamma"] = 10 ** r.uniform(-6, 6)
    if op == "metric":
        req.update(x=[r.gauss(0, 1).hex() for _ in range(d)], b=[r.gauss(0, 1).hex() for _ in range(d)], dense=False)
    print(json.dumps(req))
PY
    /usr/bin/time -f "%e %M" -o "$out/time-$kind-$d.txt" \
        env NGDREF_JAVA_OPTS="${NGDREF_JAVA_OPTS:--Xmx384m}" ./ngdref batch --certify --jobs 2 < "$out/lines-$kind-$d.jsonl" > "$out/answers-$kind-$d.jsonl"
    read -r seconds kb < "$out/time-$kind-$d.txt"
    python3 - "$out/answers-$kind-$d.jsonl" "$d" "$kind" "$n" "$seconds" "$kb" <<'PY'
import json, sys
path, d, kind, n, seconds, kb = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
decided = undecided = errors = 0
for line in open(path):
    a = json.loads(line)
    if "result" not in a:
        errors += 1
        continue
    for k, v in a["result"].items():
        if isinstance(v, dict) and "rounded" in v:
            for x in (v["rounded"] if isinstance(v["rounded"], list) else [v["rounded"]]):
                if x is None:
                    undecided += 1
                else:
                    decided += 1
print("D = %3d %-7s: %4d lines in %6.2f s = %6.1f certified instances/s; max RSS %4d MB; %6d doubles decided, %d undecided; %d error lines"
      % (d, kind, n, seconds, n / seconds, kb // 1024, decided, undecided, errors))
PY
done
