#!/usr/bin/env python3
"""Counts the cases the generated conformance suites run and how long they take.

usage: conformance.py GENERATED_TESTS_DIR   (after mvn verify: reads target/generated-test-sources/sptegen
for the display names, which carry the case counts, and target/surefire-reports for the times)
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "generated-tests"
src = os.path.join(root, "target/generated-test-sources/sptegen")
reports = os.path.join(root, "target/surefire-reports")

names = {}  # (class, method) -> display name
for f in glob.glob(os.path.join(src, "**/*.java"), recursive=True):
    text = open(f, encoding="utf-8").read()
    pkg = re.search(r"^package ([\w.]+);", text, re.M).group(1)
    cls = os.path.basename(f)[:-5]
    for m in re.finditer(r'@DisplayName\("((?:[^"\\]|\\.)*)"\)\s*(?:@\w+\s*)*void (\w+)\(', text):
        names[(pkg + "." + cls, m.group(2))] = m.group(1)

kinds = {}  # kind -> [tests, cases, seconds]
suites = set()
total_time = 0.0
for f in glob.glob(os.path.join(reports, "TEST-*.xml")):
    suite = ET.parse(f).getroot()
    for tc in suite.iter("testcase"):
        cls, meth = tc.get("classname"), tc.get("name").split("(")[0]
        dn = names.get((cls, meth))
        if dn is None:
            continue
        suites.add(cls)
        t = float(tc.get("time") or 0)
        total_time += t
        m = re.search(r"on (\d+) random cases", dn)
        if m:
            kind, n = "random sample (seeded)", int(m.group(1))
        elif re.search(r"on (\d+) cases, exhaustive", dn):
            kind, n = "exhaustive", int(re.search(r"on (\d+) cases", dn).group(1))
        elif re.search(r"on (\d+) cases, narrow bits exhaustive", dn):
            kind, n = "narrow bits exhaustive x wide-bit samples", int(re.search(r"on (\d+) cases", dn).group(1))
        elif re.search(r"on (\d+) cases:", dn):
            kind, n = "exact value, bit flips and random values", int(re.search(r"on (\d+) cases", dn).group(1))
        elif re.search(r"all (\d+) values", dn):
            kind, n = "field round trip, all values", int(re.search(r"all (\d+) values", dn).group(1))
        elif re.search(r"written, (\d+) values \(seed", dn):
            kind, n = "field round trip, seeded sample", int(re.search(r"written, (\d+) values", dn).group(1))
        elif dn.startswith("invariant "):
            kind, n = "invariant checks (count not in the name)", 0
        elif "ignores bits outside its support" in dn:
            kind, n = "ignores other bits (random fill; count not in the name)", 0
        else:
            kind, n = "other", 0
        k = kinds.setdefault(kind, [0, 0, 0.0])
        k[0] += 1
        k[1] += n
        k[2] += t

print(f"generated conformance suites: {len(suites)} classes, {sum(k[0] for k in kinds.values())} tests, "
      f"{sum(k[1] for k in kinds.values())} cases named in display names, {total_time:.1f} s summed test time")
print("| kind | tests | cases | s |")
print("|---|---|---|---|")
for kind, (tests, cases, secs) in sorted(kinds.items(), key=lambda x: -x[1][1]):
    print(f"| {kind} | {tests} | {cases if cases else '-'} | {secs:.1f} |")
