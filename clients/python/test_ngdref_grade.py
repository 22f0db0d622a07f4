"""Unit tests of ngdref_grade.py (standard library only): python3 -m unittest discover clients/python

The agreement with `ngdref check` on whole files is checked by clients/python/ci.sh; these pin the
pieces whose Java counterparts are easy to get subtly wrong: Double.toHexString, the ulp distance
(Ulps.between), number parsing and each grading rule.
"""
import io
import json
import os
import tempfile
import unittest

import ngdref_grade as g


class HexTest(unittest.TestCase):
    def test_java_hex_strings(self):
        # Expected strings as Java's Double.toHexString prints them (java.lang.Double javadoc).
        cases = [(1.0, "0x1.0p0"), (-1.0, "-0x1.0p0"), (2.0, "0x1.0p1"), (0.5, "0x1.0p-1"), (3.0, "0x1.8p1"),
                 (0.0, "0x0.0p0"), (-0.0, "-0x0.0p0"), (5e-324, "0x0.0000000000001p-1022"),
                 (2.2250738585072014e-308, "0x1.0p-1022"), (1.7976931348623157e308, "0x1.fffffffffffffp1023"),
                 (0.1, "0x1.999999999999ap-4"), (float("inf"), "Infinity"), (float("-inf"), "-Infinity")]
        for x, s in cases:
            self.assertEqual(s, g.java_hex(x), repr(x))
        self.assertEqual("NaN", g.java_hex(float("nan")))

    def test_round_trip_through_fromhex(self):
        for x in [1.0, 5e-324, 1.7976931348623157e308, 0.1, 2.5e-310, -123.456]:
            self.assertEqual(x, g.parse_double(g.java_hex(x)))


class UlpsTest(unittest.TestCase):
    def test_adjacent_and_signed_zero(self):
        self.assertEqual(0, g.ulps_between(0.0, -0.0))
        self.assertEqual(1, g.ulps_between(1.0, 1.0000000000000002))
        self.assertEqual(2, g.ulps_between(5e-324, -5e-324))
        self.assertEqual(1, g.ulps_between(1.7976931348623157e308, float("inf")))

    def test_saturates(self):
        self.assertEqual((1 << 63) - 1, g.ulps_between(float("inf"), float("-inf")))
        self.assertEqual(9214364837600034816, g.ulps_between(1.0, -1.0))


class ParseTest(unittest.TestCase):
    def test_forms(self):
        self.assertEqual(3.0, g.parse_double("0x1.8p1"))
        self.assertEqual(3.0, g.parse_double("0x1.8p1"))
        self.assertEqual(1.0, g.parse_double("0x1"))
        self.assertEqual(0.1, g.parse_double("0.1"))
        self.assertEqual(float("inf"), g.parse_double("Infinity"))
        self.assertEqual(3.0, g.number({"hex": "0x1.8p1", "dec": 99}))
        self.assertEqual(99.0, g.number({"dec": 99}))
        with self.assertRaises(ValueError):
            g.parse_double("inf")          # Java's parser does not read it either
        with self.assertRaises(ValueError):
            g.number(True)


def suite_case(cid, expected):
    return {"id": cid, "category": "t", "request": {"id": cid, "op": "spectrum", "g": [], "y": []},
            "expected": expected}


class GradeTest(unittest.TestCase):
    CASES = [
        suite_case("a", {"kappa": {"hex": "0x1.8p1", "dec": "3.0", "exact": "3", "err": "0"},
                         "lambda_max": {"refused": "out_of_range", "exact": "1E+400", "err": "0"}}),
        suite_case("b", {"error": "not_effective"}),
        suite_case("c", {"mx": {"hex": ["0x1.0p0", "0x1.0p1"], "dec": [], "exact": [], "err": []}}),
    ]

    def grade(self, results, tolerance=0):
        return g.grade(self.CASES, results, tolerance, None)

    def reasons(self, report):
        return [(f[0], f[1], f[4]) for f in report.failures]

    def test_a_correct_implementation_passes(self):
        r = self.grade([{"id": "a", "result": {"kappa": 3, "lambda_max": {"error": {"kind": "out_of_range"}}}},
                        {"id": "b", "error": "not_effective"},
                        {"id": "c", "result": {"mx": {"hex": ["0x1.0p0", "0x1.0p1"]}}}])
        self.assertEqual([], r.failures)
        self.assertEqual(1, r.checked["kappa"])
        self.assertEqual(2, r.checked["mx"])

    def test_every_fault(self):
        r = self.grade([{"id": "a", "result": {"kappa": "0x1.8000000000001p1", "lambda_max": "Infinity"}},
                        {"id": "b", "error": {"kind": "invalid_argument"}},
                        {"id": "c", "result": {"mx": [1.0]}},
                        {"id": "zzz", "result": {}}])
        self.assertEqual([("a", "kappa", "1 ulp"), ("a", "lambda_max", "not refused"),
                          ("b", "error", "wrong error kind"), ("c", "mx[0]", "length 1, expected 2"),
                          ("c", "mx[1]", "length 1, expected 2")], self.reasons(r))
        self.assertEqual(["zzz"], r.extra)
        self.assertEqual([], self.grade([{"id": "a", "result": {"kappa": "0x1.8000000000001p1",
                                                                   "lambda_max": {"error": "out_of_range"}}},
                                         {"id": "b", "error": "not_effective"},
                                         {"id": "c", "result": {"mx": [1, 2]}}], tolerance=1).failures)

    def test_missing_and_error_lines(self):
        r = self.grade([{"id": "a", "error": {"kind": "out_of_range"}}, {"id": "b", "result": {}}])
        self.assertEqual([("a", "kappa", "the line is an error (out_of_range)"),
                          ("a", "lambda_max", "the line is an error (out_of_range)"),
                          ("b", "error", "no error"),
                          ("c", "mx[0]", "case missing from the results"),
                          ("c", "mx[1]", "case missing from the results")], self.reasons(r))

    def test_nan_and_text(self):
        r = self.grade([{"id": "a", "result": {"kappa": "NaN", "lambda_max": {"error": "out_of_range"}}},
                        {"id": "b", "error": "not_effective"},
                        {"id": "c", "result": {"mx": ["one", 2]}}])
        self.assertEqual([("a", "kappa", "NaN"), ("c", "mx[0]", "not a double")], self.reasons(r))

    def test_main_exit_codes_and_report(self):
        with tempfile.TemporaryDirectory() as d:
            suite = os.path.join(d, "suite")
            os.mkdir(suite)
            with open(os.path.join(suite, "t.jsonl"), "w") as f:
                for c in self.CASES:
                    f.write(json.dumps(c) + "\n")
            results = os.path.join(d, "r.jsonl")
            with open(results, "w") as f:
                f.write(json.dumps({"id": "b", "error": "not_effective"}) + "\n")
            out = io.StringIO()
            report = g.grade(g.read_suite(suite), g.read_lines(results, "results file"), 0, None)
            g.write_text(out, report, "r.jsonl", "suite", 0)
            lines = out.getvalue().splitlines()
            self.assertEqual("check r.jsonl against suite suite: 3 cases, tolerance 0 ulp", lines[0])
            self.assertEqual("FAIL: 4 value(s) outside 0 ulp, refused, missing or of the wrong kind", lines[-1])
            with self.assertRaises(g.UsageError):
                g.main([suite])
            with self.assertRaises(g.UsageError):
                g.main([suite, results, "--quantities", "lambda_x"])


if __name__ == "__main__":
    unittest.main()
