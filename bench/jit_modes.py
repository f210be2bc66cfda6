#!/usr/bin/env python3
"""Which machine code did C2 produce for a loop, and how fast did it run? One row per JVM.

Starts dev.sptegen.bench.JitProbe RUNS times; each JVM times its loop and holds still. While it does,
this reads the code of the loop's C2 (non-OSR) compilation out of the process: the compile id from
-XX:+PrintCompilation, the code range from `jcmd PID Compiler.codelist`, the bytes from /proc/PID/mem
(needs ptrace rights on the JVM: same user, or root). objdump decodes them; the listing, with absolute
addresses masked, is hashed, so runs that got the same code share a hash.

usage: jit_modes.py [--runs N] [--java JAVA] [--jar JAR] [--dump DIR] [--jvm-arg ARG ...]
                    PROFILE generated|kernel-style classify|extract
"""
import argparse
import collections
import hashlib
import os
import re
import statistics
import subprocess
import sys
import threading
import time

from disasm import objdump_lines

LOOP_CLASS = {("generated", "ept"): "GenEptLoops", ("generated", "npt"): "GenNptLoops",
              ("kernel-style", "ept"): "KernelLoops", ("kernel-style", "npt"): "KernelLoops"}
HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_JVM_ARGS = ["-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"]  # as RuntimeBench's forks


def code_range(pid, method, compile_id):
    """(begin, end) of the code of one compilation, from the JVM's code list."""
    listing = subprocess.run(["jcmd", str(pid), "Compiler.codelist"], capture_output=True, text=True,
                             check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        if fields and fields[0] == compile_id and method in line:
            m = re.search(r"0x([0-9a-f]+) - 0x([0-9a-f]+)\]", line)
            return int(m.group(1), 16), int(m.group(2), 16)
    sys.exit(f"compilation {compile_id} of {method} is not in the code list of {pid}")


# Addresses that vary from JVM to JVM: native ones (0x7..., 12 digits); targets of calls and jumps out of
# the code (negative offsets from its start, 0xffff...); and, in a movabs, objects in the 2 GiB heap the
# bench's -Xmx2g puts below 4 GiB (compressed oops without a base: 0x80000000-0xffffffff).
NATIVE_ADDRESS = re.compile(r"0x7[0-9a-f]{11}|0xffff[0-9a-f]{12}")
HEAP_ADDRESS = re.compile(r"movabs \$0x[89a-f][0-9a-f]{7},")


def listing(code):
    """The instructions, offsets from the code's start, with the addresses that vary by JVM masked."""
    lines = (NATIVE_ADDRESS.sub("ADDR", l) for l in objdump_lines(code))
    return "".join(HEAP_ADDRESS.sub("movabs $HEAP,", l) + "\n" for l in lines)


def one_run(args, method):
    cmd = [args.java, *BENCH_JVM_ARGS, "-XX:+PrintCompilation", *args.jvm_arg, "-cp", args.jar,
           "dev.sptegen.bench.JitProbe", args.profile, args.version, args.workload]
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as jvm:
        compilations = []  # the JVM's PrintCompilation lines, read while the probe runs
        drain = threading.Thread(target=lambda: compilations.extend(jvm.stdout), daemon=True)
        drain.start()
        ns = None
        for line in jvm.stderr:
            if line.startswith("ns/op "):
                ns = float(line.split()[1])
            elif line.startswith("ready "):
                pid = int(line.split()[1])
                break
        else:
            sys.exit(f"JitProbe ended without reporting: {' '.join(cmd)}")
        compile_id = None
        for _ in range(50):  # the compilation was printed seconds ago; let the reader catch up
            compile_id = last_c2_compilation(list(compilations), method)
            if compile_id:
                break
            time.sleep(0.1)
        if compile_id is None:
            sys.exit(f"no C2 compilation of {method} was reported")
        begin, end = code_range(pid, method.replace("::", "."), compile_id)
        with open(f"/proc/{pid}/mem", "rb") as mem:
            mem.seek(begin)
            code = mem.read(end - begin)
        jvm.stdin.close()
        jvm.wait()
    return ns, listing(code)


def last_c2_compilation(lines, method):
    """The id of the method's last level-4 compilation that is not an OSR one (no % among its flags)."""
    found = None
    for line in lines:
        # "  time  id  flags  level  method (bytes)", flags drawn from "%sb!n"
        m = re.match(r"^\s*\d+\s+(\d+)\s+([%sbn! ]*?)\s*4\s+(\S+)", line)
        if m and m.group(3) == method and "%" not in m.group(2) and "made not entrant" not in line:
            found = m.group(1)
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=8)
    p.add_argument("--java", default="java")
    p.add_argument("--jar", default=os.path.join(HERE, "target", "benchmarks.jar"))
    p.add_argument("--dump", help="write each distinct listing to DIR/HASH.s")
    p.add_argument("--jvm-arg", action="append", default=[])
    p.add_argument("profile", choices=["ept", "npt"])
    p.add_argument("version", choices=["generated", "kernel-style"])
    p.add_argument("workload", choices=["classify", "extract"])
    args = p.parse_args()
    method = f"dev.sptegen.bench.{LOOP_CLASS[(args.version, args.profile)]}::{args.workload}"

    by_code = collections.defaultdict(list)
    listings = {}
    print(f"{'run':>3}  {'ns/op':>6}  code      insns  vmov")
    for run in range(1, args.runs + 1):
        ns, code = one_run(args, method)
        h = hashlib.sha256(code.encode()).hexdigest()[:8]
        listings[h] = code
        by_code[h].append(ns)
        print(f"{run:>3}  {ns:6.3f}  {h}  {code.count(chr(10)):>5}  {code.count('vmov'):>4}", flush=True)
    print("\ncode      runs  median ns/op")
    for h, times in sorted(by_code.items(), key=lambda kv: statistics.median(kv[1])):
        print(f"{h}  {len(times):>4}  {statistics.median(times):.3f}")
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        for h, code in listings.items():
            with open(os.path.join(args.dump, h + ".s"), "w") as f:
                f.write(code)


if __name__ == "__main__":
    main()
