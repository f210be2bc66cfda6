#!/usr/bin/env python3
"""Turns the raw results of bench/run.sh into the Markdown tables of docs/performance.md.

usage: report.py OUT_DIR   (reads OUT_DIR/runtime.json, nostrip.json, generator.json, c.txt, insns.txt,
                           shapes.json; any may be missing)
Medians are over every measured iteration of every fork (JMH rawData) or every repetition (C); the
+- column is JMH's 99.9% confidence half-width of the mean.
"""
import json
import os
import re
import statistics
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench/target/bench-results"
WORKLOADS = ["classify", "extract", "extractPfnFirst", "make", "roundTrip"]
VERSIONS = ["Generated", "KernelStyle", "Profile"]


def num(x):
    try:
        x = float(x)
    except (TypeError, ValueError):
        return float("nan")
    return x


def load_jmh(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return {}
    res = {}
    for e in json.load(open(path)):
        method = e["benchmark"].rsplit(".", 1)[1]
        profile = e.get("params", {}).get("profile", "")
        pm = e["primaryMetric"]
        raw = [v for fork in pm["rawData"] for v in fork]
        res[(method, profile)] = {
            "median": statistics.median(raw),
            "error": num(pm.get("scoreError")),
            "n": len(raw),
            "forks": len(pm["rawData"]),
            "fork_medians": [statistics.median(f) for f in pm["rawData"]],
        }
    return res


def fmt(x, digits=3):
    return f"{x:.{digits}f}"


runtime = load_jmh("runtime.json")
c = {}
if os.path.exists(os.path.join(out, "c.txt")):
    for line in open(os.path.join(out, "c.txt")):
        f = line.split()
        if len(f) == 9 and f[0] == "c":
            c[(f[1], f[2], f[3])] = {"median": float(f[4]), "p25": float(f[5]), "p75": float(f[6]),
                                     "min": float(f[7]), "reps": int(f[8])}

def java_table(results, title, last_header, last_cell):
    """The rows of every workload in results, three versions and generated / baseline, then one more column."""
    print(title + "\n")
    print("| profile | workload | generated | kernel-style (baseline) | SpteProfile | generated / baseline "
          f"| {last_header} |")
    print("|---|---|---|---|---|---|---|")
    for profile in ["ept", "npt"]:
        for w in WORKLOADS:
            r = {v: results.get((w + v, profile)) for v in VERSIONS}
            if not all(r.values()):
                continue
            cells = [f"{fmt(r[v]['median'])} +- {fmt(r[v]['error'])}" for v in VERSIONS]
            print(f"| {profile} | {w} | {cells[0]} | {cells[1]} | {cells[2]} | "
                  f"**{fmt(r['Generated']['median'] / r['KernelStyle']['median'], 2)}** | {last_cell(profile, w, r)} |")


if runtime:
    java_table(runtime, "### Java: ns per SPTE (median over forks x iterations; +- is JMH's 99.9% error of the mean)",
               "SpteProfile / baseline",
               lambda profile, w, r: fmt(r["Profile"]["median"] / r["KernelStyle"]["median"], 2))
    any_r = next(iter(runtime.values()))
    print(f"\n({any_r['forks']} forks x {any_r['n'] // any_r['forks']} measured iterations per cell.)\n")

if c:
    print("### C (gcc -O2): ns per SPTE (median of repetitions [p25, p75]) and Java / C\n")
    print("| profile | workload | C generated header | C kernel-style globals | C generated / C kernel-style "
          "| Java generated / C generated |")
    print("|---|---|---|---|---|---|")
    for profile in ["ept", "npt"]:
        for w in WORKLOADS:
            g = c.get((profile, w, "generated"))
            k = c.get((profile, w, "kernelStyle"))
            if not g or not k:
                continue
            j = runtime.get((w + "Generated", profile))
            jr = f"**{fmt(j['median'] / g['median'], 2)}**" if j else "-"
            print(f"| {profile} | {w} | {fmt(g['median'])} [{fmt(g['p25'])}, {fmt(g['p75'])}] | "
                  f"{fmt(k['median'])} [{fmt(k['p25'])}, {fmt(k['p75'])}] | {fmt(g['median'] / k['median'], 2)} | {jr} |")
    reps = next(iter(c.values()))["reps"]
    print(f"\n({reps} repetitions per cell, cells run round-robin.)\n")

nostrip = load_jmh("nostrip.json")
if nostrip:
    def java_over_c(profile, w, r):
        g = c.get((profile, w, "generated"))
        return fmt(r["Generated"]["median"] / g["median"], 2) if g else "-"

    java_table(nostrip, "### Java with loop strip mining off (`-XX:-UseCountedLoopSafepoints -XX:LoopStripMiningIter=0`)",
               "Java generated / C generated", java_over_c)
    print()

gen = load_jmh("generator.json")
if gen:
    print("### Generator, in-process after warm-up: ms per run (median; +- 99.9% error)\n")
    print("| benchmark | what | ms |")
    print("|---|---|---|")
    what = {
        "generateAllCli": "`sptegen generate --out DIR` in-process: validate all specs, every emitter, compare/write",
        "validateAll": "validate all bundled specs",
        "emitJavaRuntime": "Java runtime, all specs",
        "emitJavaSuites": "Java conformance suites, all specs",
        "emitC": "C headers and selftests, all specs",
        "emitDocs": "docs pages and SVGs, all specs",
    }
    for m in what:
        r = gen.get((m, ""))
        if r:
            print(f"| {m} | {what[m]} | {fmt(r['median'], 1)} +- {fmt(r['error'], 1)} |")
    print()
timer = os.path.join(out, "generator-timer.txt")
if os.path.exists(timer):
    print("Timed main: " + open(timer).read().strip() + "\n")

insns = os.path.join(out, "insns.txt")
if os.path.exists(insns):
    print("### Instructions per helper (gcc -O2, objdump -d, out-of-line copies)\n")
    rows = [l.split() for l in open(insns) if l.strip()]
    print("| " + " | ".join(["helper", "generated ept", "generated npt", "kernel-style"]) + " |")
    print("|---|---|---|---|")
    for r in rows[1:]:
        print("| " + " | ".join(r) + " |")
    print()

shapes = load_jmh("shapes.json")
if shapes:
    print("### Emitted shapes vs alternatives (Java): ns per SPTE (median; +- 99.9% error)\n")
    print("| benchmark | ns | vs generated | each fork's median |")
    print("|---|---|---|---|")
    for (m, _), r in sorted(shapes.items()):
        base_name = re.sub(r"(Classify|Extract)\w*$", r"\1Generated", m)
        base = shapes.get((base_name, ""))
        ratio = fmt(r["median"] / base["median"], 2) if base else "-"
        forks = ", ".join(fmt(f, 2) for f in r["fork_medians"])
        print(f"| {m} | {fmt(r['median'])} +- {fmt(r['error'])} | {ratio} | {forks} |")
    print()
