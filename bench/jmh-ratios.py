#!/usr/bin/env python3
"""Ratio tables of spec/PERFORMANCE.md from one JMH run's JSON (target/jmh.json).

Usage: python3 bench/jmh-ratios.py target/jmh.json
Every ratio divides two scores of the same run (same JVM flags, same machine state).
"""
import json
import sys


def fmt(score, err):
    def one(v):
        if v >= 1000.0:
            return f"{v / 1000.0:.1f} ms"
        return f"{v:.2f} µs" if v < 10 else f"{v:.0f} µs"
    return f"{one(score)} ± {one(err)}"


def main(path):
    runs = json.load(open(path))
    score = {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 2)
        key = (name[-2], name[-1], int(r["params"]["dimension"]))
        unit = r["primaryMetric"]["scoreUnit"]
        assert unit == "us/op", unit
        score[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
    mf = "MatrixFreeBenchmark"
    dims = sorted({d for (c, _, d) in score if c == mf})
    print("| D | floor: read g, y once | spectrum+κ | **ratio** | 3 plain dots, ratio | Commons `Sum.ofProducts` ×3, ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    for d in dims:
        f = score[(mf, "floorReadTwo", d)]
        s = score[(mf, "spectrum", d)]
        p = score[(mf, "plainThreeDots", d)]
        c = score[(mf, "commonsSumThreeDots", d)]
        print(f"| {d:,} | {fmt(*f)} | {fmt(*s)} | **{s[0] / f[0]:.2f}** | {p[0] / f[0]:.2f} | {c[0] / f[0]:.1f} |")
    print()
    print("| D | floor: read g, y, x, write | two-pass floor | apply | **ratio** | to two-pass | solve | **ratio** | to two-pass |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for d in dims:
        f1 = score[(mf, "floorReadThreeWriteOne", d)]
        f2 = score[(mf, "floorTwoPass", d)]
        a = score[(mf, "apply", d)]
        s = score[(mf, "solve", d)]
        print(f"| {d:,} | {fmt(*f1)} | {fmt(*f2)} | {fmt(*a)} | **{a[0] / f1[0]:.2f}** | {a[0] / f2[0]:.2f}"
              f" | {fmt(*s)} | **{s[0] / f1[0]:.2f}** | {s[0] / f2[0]:.2f} |")
    dn = "DenseBenchmark"
    ddims = sorted({d for (c, _, d) in score if c == dn})
    if ddims:
        print()
        print("| D | closed-form spectrum+κ | dense `EigenDecomposition` | **dense / closed form**"
              " | closed-form solve | dense `LUDecomposition` solve | **dense / closed form** |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for d in ddims:
            cs = score[(dn, "closedFormSpectrum", d)]
            es = score[(dn, "denseEigenSpectrum", d)]
            cl = score[(dn, "closedFormSolve", d)]
            lu = score[(dn, "denseLuSolve", d)]
            print(f"| {d:,} | {fmt(*cs)} | {fmt(*es)} | **{es[0] / cs[0]:,.0f}** | {fmt(*cl)} | {fmt(*lu)}"
                  f" | **{lu[0] / cl[0]:,.0f}** |")


if __name__ == "__main__":
    main(sys.argv[1])
