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


def objdump_lines(code, start=0):
    """x86-64 machine code decoded by objdump: one instruction per line, addressed from start."""
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(code)
        f.flush()
        out = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "--no-show-raw-insn",
                              f"--adjust-vma={start:#x}", f.name], capture_output=True, text=True, check=True).stdout
    return [l for l in out.split("\n") if re.match(r"^\s+[0-9a-f]+:\t", l)]


def printed_compilations(text):
    """The compilations in -XX:CompileCommand=print output: header line, code bytes, address of the first."""
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
    return blocks


def main():
    text = open(sys.argv[1], errors="replace").read().split("\n")
    want = sys.argv[2] if len(sys.argv) > 2 else ""
    c2 = [b for b in printed_compilations(text)
          if "(c2)" in b["head"] and " % " not in b["head"] and want in b["head"] and b["bytes"]]
    if not c2:
        sys.exit("no C2 compilation found")
    b = c2[-1]
    print(b["head"])
    print("\n".join(objdump_lines(bytes(b["bytes"]), b["start"])))


if __name__ == "__main__":
    main()
