#!/usr/bin/env python3
"""Decodes the machine code HotSpot prints without hsdis (-XX:CompileCommand=print,...) with objdump.

usage: disasm.py PRINT_OUTPUT [METHOD_SUBSTRING]
Takes the last non-OSR C2 compilation (of the method matching METHOD_SUBSTRING, if given) and prints its
main code disassembled (AT&T syntax), from the verified entry point to the exception handler.
"""
import re
import subprocess
import sys
import tempfile

text = open(sys.argv[1], errors="replace").read().split("\n")
want = sys.argv[2] if len(sys.argv) > 2 else ""
blocks, cur = [], None
for line in text:
    if line.startswith("Compiled method"):
        cur = {"head": line, "bytes": bytearray(), "start": None, "in": False, "done": False}
        blocks.append(cur)
    elif cur is not None:
        if line.startswith("[Verified Entry Point]"):
            cur["in"] = True
        elif line.startswith("[Exception Handler]") or line.startswith("[/MachCode]"):
            cur["done"] = True
            cur["in"] = False
        elif cur["in"] and not cur["done"]:
            m = re.match(r"^\s+0x([0-9a-f]+): ([0-9a-f |]+)$", line)
            if m and m.group(2).strip():
                if cur["start"] is None:
                    cur["start"] = int(m.group(1), 16)
                cur["bytes"] += bytes.fromhex(m.group(2).replace("|", "").replace(" ", ""))
c2 = [b for b in blocks if "(c2)" in b["head"] and " % " not in b["head"] and want in b["head"] and b["bytes"]]
if not c2:
    sys.exit("no C2 compilation found")
b = c2[-1]
print(b["head"])
with tempfile.NamedTemporaryFile(suffix=".bin") as f:
    f.write(b["bytes"])
    f.flush()
    out = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "--no-show-raw-insn",
                          f"--adjust-vma={b['start']:#x}", f.name], capture_output=True, text=True).stdout
print("\n".join(l for l in out.split("\n") if re.match(r"^\s+[0-9a-f]+:", l)))
