#!/usr/bin/env python3
"""Grade a NumPy implementation of the paper's metric spectrum against ngdref's test vectors.

    ./ngdref vectors --seed 1 -o vectors.json
    python3 docs/check_numpy_example.py vectors.json numpy-results.json            # closed form
    python3 docs/check_numpy_example.py vectors.json eigh-results.json --method eigh
    ./ngdref check vectors.json numpy-results.json        # exit 0: pass, 1: some value is off

Reads the vector file (schema "ngdref-test-vectors", version 1; docs/cli.md), computes for each
case the six quantities of M(gamma) = (|y|/(|g| cos psi)) (yhat yhat^T + gamma (I - ghat ghat^T)),
Eq. (22) of the paper, in float64, and writes a results file (schema "ngdref-test-results")
with every value as a bit-exact hex float (float.hex), which `ngdref check` compares with the
oracle's correctly rounded values in ulps.

Methods:
  closed  Lemma 1 written as the paper prints it (a first attempt a NumPy user would make):
          cancels near psi = 0 and psi = pi/2, and overflows for large norms.
  eigh    the explicit D x D matrix and numpy.linalg.eigvalsh (LAPACK): absolute accuracy only,
          so small eigenvalues come out with large relative errors.
Neither is what the reference library does; `check` shows where each breaks.
This script is an example for docs/cli.md and is not run in CI.
"""
import argparse
import json
import sys

import numpy as np

QUANTITIES = ["lambda_max", "lambda_min", "lambda_d", "kappa", "cos_psi", "sin_psi"]


def closed_form(g, y, gamma):
    ng, ny = np.linalg.norm(g), np.linalg.norm(y)
    cos = (y @ g) / (ny * ng)
    sin = np.sqrt(1.0 - cos * cos)
    sigma = ny / (ng * cos)
    root = np.sqrt((1.0 + gamma) ** 2 - 4.0 * gamma * cos * cos)
    lmax = sigma / 2.0 * (1.0 + gamma + root)
    lmin = sigma / 2.0 * (1.0 + gamma - root)
    return {"lambda_max": lmax, "lambda_min": lmin, "lambda_d": sigma * gamma,
            "kappa": lmax / lmin, "cos_psi": cos, "sin_psi": sin}


def explicit_eigh(g, y, gamma):
    d = g.size
    yg = y @ g
    alpha = gamma * (y @ y) / yg                        # Eq. (22): alpha = gamma y'y / y'g
    m = np.outer(y, y) / yg + alpha * (np.eye(d) - np.outer(g, g) / (g @ g))   # Eq. (8)
    w = np.linalg.eigvalsh((m + m.T) / 2.0)
    cos = yg / (np.linalg.norm(y) * np.linalg.norm(g))
    return {"lambda_max": w[-1], "lambda_min": w[0], "lambda_d": alpha,
            "kappa": w[-1] / w[0], "cos_psi": cos, "sin_psi": np.sqrt(1.0 - cos * cos)}


def as_hex(x):
    x = float(x)
    return x.hex() if np.isfinite(x) else None          # null: reported by check as missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vectors")
    parser.add_argument("results")
    parser.add_argument("--method", choices=["closed", "eigh"], default="closed")
    args = parser.parse_args()
    with open(args.vectors) as f:
        vectors = json.load(f)
    if vectors.get("schema") != "ngdref-test-vectors" or vectors.get("version") != 1:
        sys.exit("not a version-1 ngdref vector file")
    compute = closed_form if args.method == "closed" else explicit_eigh
    cases = []
    with np.errstate(all="ignore"):
        for case in vectors["cases"]:
            g = np.array([float.fromhex(v) for v in case["g"]])
            y = np.array([float.fromhex(v) for v in case["y"]])
            gamma = float.fromhex(case["gamma"])
            values = compute(g, y, gamma)
            cases.append({"id": case["id"], "results": {q: as_hex(values[q]) for q in QUANTITIES}})
    with open(args.results, "w") as f:
        json.dump({"schema": "ngdref-test-results", "version": 1,
                   "implementation": "numpy %s, %s" % (np.__version__, args.method),
                   "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
