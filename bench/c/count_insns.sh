#!/bin/sh
# Instruction counts per helper: compiles the out-of-line copies of the generated helpers
# (helpers_gen.c, profiles ept and npt) and of the kernel-style helpers (helpers_kstyle.c) with
# gcc -O2 into separate sections, disassembles them with objdump -d and counts the instructions of each
# function (everything up to and including its ret; one section per function, so no padding).
#
# usage: count_insns.sh HEADER_DIR OUT_DIR   (HEADER_DIR holds sptegen_kvm_6_11.h)
# output: a table: helper, ept (generated), npt (generated), kernel-style
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hdr=$1
out=$2
mkdir -p "$out"
cflags="-O2 -std=gnu11 -Wall -Wextra -Werror -ffunction-sections -fno-asynchronous-unwind-tables -isystem $here/shim -I$here -I$hdr"
gcc $cflags -c "$here/helpers_gen.c" -o "$out/helpers_gen.o"
gcc $cflags -c "$here/helpers_kstyle.c" -o "$out/helpers_kstyle.o"
objdump -d --no-show-raw-insn "$out/helpers_gen.o" > "$out/helpers_gen.dis"
objdump -d --no-show-raw-insn "$out/helpers_kstyle.o" > "$out/helpers_kstyle.dis"
# name -> instruction count, from objdump's "<name>:" headers and indented instruction lines.
count() {
    awk '/^[0-9a-f]+ <.*>:$/ { name = $2; gsub(/[<>:]/, "", name); next }
         /^ +[0-9a-f]+:\t/ && name != "" { n[name]++ }
         END { for (k in n) print k, n[k] }' "$1"
}
count "$out/helpers_gen.dis" > "$out/gen.counts"
count "$out/helpers_kstyle.dis" > "$out/kstyle.counts"
printf '%-28s %8s %8s %13s\n' helper ept npt kernel-style
for h in is_shadow_present_pte is_mmio_spte is_frozen_spte spte_ad_enabled is_access_track_spte spte_to_pfn \
         get_mmio_spte_generation make_mmio_spte make_nonleaf_spte make_spte mark_spte_for_access_track \
         restore_acc_track_spte; do
    e=$(awk -v k="ept_h_$h" '$1 == k { print $2 }' "$out/gen.counts")
    n=$(awk -v k="npt_h_$h" '$1 == k { print $2 }' "$out/gen.counts")
    k=$(awk -v k="k_h_$h" '$1 == k { print $2 }' "$out/kstyle.counts")
    printf '%-28s %8s %8s %13s\n' "$h" "$e" "$n" "$k"
done
