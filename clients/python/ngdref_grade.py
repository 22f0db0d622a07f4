#!/usr/bin/env python3
"""Grade an implementation's results against the ngdref conformance suite, without Java.

    python3 ngdref_grade.py SUITE_DIR RESULTS.jsonl [--ulps N] [--quantities q1,q2]

SUITE_DIR is spec/conformance/v1 (or a copy); RESULTS.jsonl has one JSON object per line with
the case's "id" and either "result" (an object of members) or "error" (an object with "kind", or
the kind as a string). A member is a JSON number, a decimal or hex-float string ("0x1.8p1"), an
object with "hex" or "dec", an array of those (vectors), or a refusal {"error": {"kind": k}}
(or {"error": k}). `ngdref batch < SUITE_DIR/requests.jsonl` writes exactly this format.

The rules, the table and the failure lines are those of `ngdref check SUITE_DIR RESULTS.jsonl`
(CI runs both on the same files and requires the same output). Exit 0 when every expected value
is within N ulps (default 0) of the correctly rounded one, every expected refusal is refused and
every expected error kind is given; 1 otherwise; 2 for a usage error.

Standard library only (json, struct, sys, os).
"""
import json
import os
import struct
import sys

QUANTITIES = ["y_dot_g", "y_dot_y", "g_dot_g", "cos_psi", "sin_psi", "psi", "norm_ratio", "gamma",
              "alpha", "lambda_max", "lambda_min", "lambda_d", "kappa", "kappa_min",
              "lambda_min_sup", "lambda_max_inf", "mx", "solve", "error"]
REQUESTS = "requests.jsonl"
LONG_MAX = (1 << 63) - 1


class UsageError(Exception):
    pass


def bits(x):
    """The IEEE 754 binary64 bits of x as a signed 64-bit integer."""
    return struct.unpack("<q", struct.pack("<d", x))[0]


def key(x):
    """An integer ordered like the doubles, adjacent doubles one apart, +0 and -0 both 0."""
    b = bits(x)
    return b if b >= 0 else -(b & LONG_MAX)


def ulps_between(a, b):
    """Steps between adjacent doubles from a to b (saturating at 2^63 - 1)."""
    return min(abs(key(a) - key(b)), LONG_MAX)


def java_hex(x):
    """Java's Double.toHexString(x): 0x1.8p1, 0x0.0000000000001p-1022, -0x0.0p0, Infinity."""
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    b = bits(x) & ((1 << 64) - 1)
    sign = "-" if b >> 63 else ""
    exponent = (b >> 52) & 0x7FF
    mantissa = b & ((1 << 52) - 1)
    if exponent == 0 and mantissa == 0:
        return sign + "0x0.0p0"
    digits = ("%013x" % mantissa).rstrip("0") or "0"
    if exponent == 0:
        return sign + "0x0." + digits + "p-1022"
    return sign + "0x1." + digits + "p" + str(exponent - 1023)


def parse_double(text):
    """A double from a decimal or hex-float string (as ngdref reads them), or ValueError."""
    t = text.strip()
    body = t[1:] if t[:1] in "+-" else t
    if body[:2].lower() == "0x":
        if "p" not in body.lower():
            t = t + "p0"
        return float.fromhex(t)
    if body in ("NaN", "Infinity"):
        return float(t)
    if body.lower() in ("nan", "inf", "infinity"):
        raise ValueError("not a double: " + text)
    return float(t)


def number(v):
    """A double from a results value: number, string, or object with "hex"/"dec"."""
    if isinstance(v, dict):
        h = v.get("hex", v.get("dec"))
        if h is None:
            raise ValueError("no hex or dec")
        return number(h)
    if isinstance(v, bool):
        raise ValueError("a boolean")
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        return parse_double(v)
    raise ValueError("not a number")


def kind(error):
    if error is None:
        return None
    if isinstance(error, dict):
        k = error.get("kind", "")
        return k if isinstance(k, str) else json.dumps(k)
    return error if isinstance(error, str) else json.dumps(error)


def line_error(line):
    return kind(line.get("error"))


def refusal(member):
    return kind(member.get("error")) if isinstance(member, dict) else None


def describe(v):
    try:
        return java_hex(number(v))
    except ValueError:
        return "a value"


def read_lines(path, what):
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    node = json.loads(line)
                except json.JSONDecodeError as e:
                    raise UsageError("%s %s line %d is not JSON: %s" % (what, path, n, e.msg))
                if not isinstance(node, dict) or node.get("id") is None:
                    raise UsageError('%s %s line %d is not a JSON object with an "id"' % (what, path, n))
                out.append(node)
    except FileNotFoundError:
        raise UsageError("%s %s not found" % (what, path))
    return out


def read_suite(directory):
    names = sorted(n for n in os.listdir(directory) if n.endswith(".jsonl") and n != REQUESTS)
    if not names:
        raise UsageError("suite %s has no case files (*.jsonl)" % directory)
    cases = []
    for n in names:
        cases.extend(read_lines(os.path.join(directory, n), "suite file"))
    return cases


def id_text(v):
    return v if isinstance(v, str) else json.dumps(v)


class Report:
    def __init__(self, cases, extra):
        self.cases = cases
        self.extra = extra
        self.ulps = {q: [] for q in QUANTITIES}
        self.checked = {q: 0 for q in QUANTITIES}
        self.failures = []  # (id, quantity, expected, got, reason)


def grade_double(report, cid, q, name, expected, value, absent, tolerance):
    report.checked[q] += 1
    expected_text = java_hex(expected)
    if absent is not None:
        report.failures.append((cid, name, expected_text, "nothing", absent))
        return
    refused = refusal(value)
    if refused is not None:
        report.failures.append((cid, name, expected_text, "refusal (%s)" % refused, "refused"))
        return
    try:
        got = number(value)
    except (ValueError, OverflowError):
        report.failures.append((cid, name, expected_text, "nothing", "not a double"))
        return
    if got != got:
        report.failures.append((cid, name, expected_text, "NaN", "NaN"))
        return
    d = ulps_between(got, expected)
    report.ulps[q].append(d)
    if d > tolerance:
        report.failures.append((cid, name, expected_text, java_hex(got), "%d ulp" % d))


def grade(cases, results, tolerance, only):
    by_id = {}
    for r in results:
        by_id[id_text(r["id"])] = r
    known = {id_text(c["id"]) for c in cases}
    extra = sorted(i for i in by_id if i not in known)
    report = Report(len(cases), extra)
    for c in cases:
        cid = id_text(c["id"])
        got = by_id.get(cid)
        expected = c["expected"]
        if "error" in expected:
            if only is not None and "error" not in only:
                continue
            report.checked["error"] += 1
            k = expected["error"]
            got_kind = None if got is None else line_error(got)
            if got is None:
                report.failures.append((cid, "error", "error " + k, "nothing", "case missing from the results"))
            elif got_kind is None:
                report.failures.append((cid, "error", "error " + k, "a result", "no error"))
            elif got_kind != k:
                report.failures.append((cid, "error", "error " + k, "error " + got_kind, "wrong error kind"))
            continue
        for q, exp in expected.items():
            if only is not None and q not in only:
                continue
            err = None if got is None else line_error(got)
            result = got.get("result") if got is not None and err is None else None
            value = result.get(q) if isinstance(result, dict) else None
            if got is None:
                absent = "case missing from the results"
            elif err is not None:
                absent = "the line is an error (%s)" % err
            else:
                absent = "missing"
            if isinstance(exp.get("hex"), list):
                hexes = exp["hex"]
                components = value
                if isinstance(value, dict) and "hex" in value:
                    components = value["hex"]
                elif isinstance(value, dict) and "dec" in value:
                    components = value["dec"]
                for i, h in enumerate(hexes):
                    ok = isinstance(components, list) and len(components) == len(hexes)
                    one = components[i] if ok else None
                    if value is None:
                        why = absent
                    elif not isinstance(components, list):
                        why = "not an array"
                    elif len(components) != len(hexes):
                        why = "length %d, expected %d" % (len(components), len(hexes))
                    else:
                        why = None
                    grade_double(report, cid, q, "%s[%d]" % (q, i), parse_double(h), one, why, tolerance)
            elif "refused" in exp:
                report.checked[q] += 1
                k = exp["refused"]
                expected_text = "refusal (%s)" % k
                if value is None:
                    report.failures.append((cid, q, expected_text, "nothing", absent))
                elif refusal(value) is None:
                    report.failures.append((cid, q, expected_text, describe(value), "not refused"))
                elif refusal(value) != k:
                    report.failures.append((cid, q, expected_text, "refusal (%s)" % refusal(value),
                                            "wrong refusal kind"))
            else:
                grade_double(report, cid, q, q, parse_double(exp["hex"]), value,
                             absent if value is None else None, tolerance)
    return report


def write_text(out, report, results_name, suite_name, tolerance):
    out.write("check %s against suite %s: %d cases, tolerance %d ulp\n"
              % (results_name, suite_name, report.cases, tolerance))
    out.write("  %-14s %8s %19s %11s %9s\n" % ("quantity", "checked", "max ulp", "median ulp", "failures"))
    for q in QUANTITIES:
        n = report.checked[q]
        if n == 0:
            continue
        a = sorted(report.ulps[q])
        mx = a[-1] if a else 0
        median = a[(len(a) - 1) // 2] if a else 0
        failures = sum(1 for f in report.failures if f[1] == q or f[1].startswith(q + "["))
        out.write("  %-14s %8d %19d %11d %9d\n" % (q, n, mx, median, failures))
    for f in report.failures:
        out.write("FAIL %s %s: expected %s, got %s: %s\n" % f)
    if report.extra:
        shown = ", ".join(report.extra[:10]) + (", ..." if len(report.extra) > 10 else "")
        out.write("note: %d result case(s) not in the suite, ignored: %s\n" % (len(report.extra), shown))
    if not report.failures:
        out.write("PASS\n")
    else:
        out.write("FAIL: %d value(s) outside %d ulp, refused, missing or of the wrong kind\n"
                  % (len(report.failures), tolerance))


def main(argv):
    args = []
    tolerance = 0
    only = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--ulps", "--quantities") and i + 1 < len(argv):
            v = argv[i + 1]
            i += 2
        elif a.startswith("--ulps=") or a.startswith("--quantities="):
            a, v = a.split("=", 1)
            i += 1
        elif a in ("-h", "--help"):
            sys.stdout.write(__doc__)
            return 0
        elif a.startswith("--"):
            raise UsageError("unknown option " + a)
        else:
            args.append(a)
            i += 1
            continue
        if a == "--ulps":
            if not v.isdigit():
                raise UsageError("--ulps must be an integer >= 0, was " + v)
            tolerance = int(v)
        else:
            only = v.split(",")
            for q in only:
                if q not in QUANTITIES:
                    raise UsageError("unknown quantity %s; expected %s" % (q, ", ".join(QUANTITIES)))
    if len(args) != 2:
        raise UsageError("usage: ngdref_grade.py SUITE_DIR RESULTS.jsonl [--ulps N] [--quantities q1,q2]")
    suite, results = args
    if not os.path.isdir(suite):
        raise UsageError("suite %s is not a directory" % suite)
    report = grade(read_suite(suite), read_lines(results, "results file"), tolerance, only)
    write_text(sys.stdout, report, results, suite, tolerance)
    return 0 if not report.failures else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except UsageError as e:
        sys.stderr.write("ngdref_grade: %s\n" % e)
        sys.exit(2)
