#!/usr/bin/env python3
"""Grade a NumPy implementation of the paper's metric spectrum against ngdref's test vectors.

Against the committed conformance suite (spec/conformance/v1, every op and the edges of the
double range), graded with Java or without it:

    python3 docs/check_numpy_example.py --suite spec/conformance/v1 numpy.jsonl --method eigh
    ./ngdref check spec/conformance/v1 numpy.jsonl                           # or, without Java:
    python3 clients/python/ngdref_grade.py spec/conformance/v1 numpy.jsonl

In suite mode the script answers every request of requests.jsonl (geometry, spectrum, bounds,
metric) as a plain NumPy user would: the input checks of the paper (D >= 2, finite entries,
nonzero vectors, y'g > 0 in float64, gamma/alpha > 0), float64 formulas, results written as
hex floats; an overflowing result is written as "Infinity" (a refusal was expected) and the
grader says so.

Against a generated vector file (six quantities of spectrum and geometry):

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
CI runs the suite mode with --method eigh and requires it to fail on lambda_min and on an edge
category (clients/python/ci.sh).
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


class InvalidInput(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def vector(request, name):
    return np.array([float.fromhex(v) if v.lower().lstrip("-").startswith("0x") else float(v)
                     for v in request[name]])


def scalar(request, name):
    v = request[name]
    return float.fromhex(v) if v.lower().lstrip("-").startswith("0x") else float(v)


def checked_inputs(request):
    """(g, y) with the paper's preconditions checked in float64, as a NumPy user would."""
    g, y = vector(request, "g"), vector(request, "y")
    if g.size != y.size:
        raise InvalidInput("invalid_argument", "g and y differ in length")
    if g.size < 2:
        raise InvalidInput("invalid_argument", "D < 2")
    if not (np.all(np.isfinite(g)) and np.all(np.isfinite(y))):
        raise InvalidInput("invalid_argument", "non-finite entry")
    if not (np.any(g) and np.any(y)):
        raise InvalidInput("invalid_argument", "zero vector")
    if not (y @ g > 0):
        raise InvalidInput("not_effective", "y'g <= 0")
    return g, y


def alpha_of(request, g, y):
    if "alpha" in request:
        a = np.float64(scalar(request, "alpha"))
        if not (np.isfinite(a) and a > 0):
            raise InvalidInput("invalid_argument", "alpha must be > 0")
        return a, a * (y @ g) / (y @ y)
    gamma = np.float64(scalar(request, "gamma") if "gamma" in request else 1.0)
    if not (np.isfinite(gamma) and gamma > 0):
        raise InvalidInput("invalid_argument", "gamma must be > 0")
    return gamma * (y @ y) / (y @ g), gamma


def dense(g, y, alpha):
    d = g.size
    return np.outer(y, y) / (y @ g) + alpha * (np.eye(d) - np.outer(g, g) / (g @ g))   # Eq. (8)


def answer(request, method):
    g, y = checked_inputs(request)
    op = request["op"]
    ng, ny = np.linalg.norm(g), np.linalg.norm(y)
    cos = (y @ g) / (ny * ng)
    sin = np.sqrt(1.0 - cos * cos)
    if op == "geometry":
        return {"cos_psi": cos, "sin_psi": sin, "psi": np.arctan2(sin, cos), "norm_ratio": ny / ng,
                "y_dot_g": y @ g, "y_dot_y": y @ y, "g_dot_g": g @ g}
    if op == "bounds":
        return {"kappa_min": (1 + sin) / (1 - sin), "lambda_min_sup": ny / ng * cos,
                "lambda_max_inf": ny / (ng * cos)}
    alpha, gamma = alpha_of(request, g, y)
    if op == "spectrum":
        if method == "eigh":
            w = np.linalg.eigvalsh(dense(g, y, alpha))
            lmax, lmin = w[-1], w[0]
        else:
            values = closed_form(g, y, gamma)
            lmax, lmin = values["lambda_max"], values["lambda_min"]
        return {"gamma": gamma, "alpha": alpha, "lambda_max": lmax, "lambda_min": lmin,
                "lambda_d": alpha, "kappa": lmax / lmin}
    if op == "metric":
        m = dense(g, y, alpha)
        out = {"gamma": gamma, "alpha": alpha}
        if "x" in request:
            x = vector(request, "x")
            if x.size != g.size or not np.all(np.isfinite(x)):
                raise InvalidInput("invalid_argument", "bad x")
            out["mx"] = m @ x
        if "b" in request:
            b = vector(request, "b")
            if b.size != g.size or not np.all(np.isfinite(b)):
                raise InvalidInput("invalid_argument", "bad b")
            out["solve"] = np.linalg.solve(m, b)
        return out
    raise ValueError("op " + op)


def encode(x):
    """A float64 as an exact hex float, "Infinity"/"NaN" as strings; arrays elementwise."""
    if isinstance(x, np.ndarray):
        return [encode(v) for v in x]
    x = float(x)
    return x.hex() if np.isfinite(x) else ("NaN" if x != x else ("Infinity" if x > 0 else "-Infinity"))


def suite(directory, results, method):
    with open(directory + "/requests.jsonl") as f, open(results, "w") as out, np.errstate(all="ignore"):
        for line in f:
            request = json.loads(line)
            try:
                result = {"id": request["id"], "result": {k: encode(v) for k, v in answer(request, method).items()}}
            except InvalidInput as e:
                result = {"id": request["id"], "error": {"kind": e.kind, "message": str(e)}}
            except np.linalg.LinAlgError as e:
                result = {"id": request["id"], "error": {"kind": "out_of_range", "message": str(e)}}
            out.write(json.dumps(result) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vectors", nargs="?")
    parser.add_argument("results")
    parser.add_argument("--method", choices=["closed", "eigh"], default="closed")
    parser.add_argument("--suite", metavar="DIR", help="answer DIR/requests.jsonl (a conformance suite)")
    args = parser.parse_args()
    if args.suite:
        suite(args.suite, args.results, args.method)
        return
    if args.vectors is None:
        parser.error("VECTORS is required without --suite")
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
