#!/bin/sh
# The C side of the emitted-shape experiment (docs/performance.md, "Emitter shapes"): builds the harness
# once against the generated header as is and once against a copy in which the one pattern under test is
# rewritten (is_access_track_spte's "!ad_enabled && (acc_track bits == 0)" as a non-short-circuit "&"),
# and runs both, alternating, over the same data.
#
# usage: shapes.sh HEADER_DIR DATA_DIR OUT_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hdr=$1
data=$2
out=$3
mkdir -p "$out/and"
sed -e 's/return !ept_spte_ad_enabled(spte) \&\& ((spte \& EPT_SHADOW_ACC_TRACK_MASK) == 0ULL);/return !ept_spte_ad_enabled(spte) \& ((spte \& EPT_SHADOW_ACC_TRACK_MASK) == 0ULL);/' \
    "$hdr/sptegen_kvm_6_11.h" > "$out/and/sptegen_kvm_6_11.h"
if cmp -s "$hdr/sptegen_kvm_6_11.h" "$out/and/sptegen_kvm_6_11.h"; then
    echo "shapes.sh: the pattern is not in the header any more" >&2
    exit 1
fi
for v in as-is and; do
    inc=$hdr
    [ $v = and ] && inc=$out/and
    cflags="-O2 -std=gnu11 -Wall -Wextra -Werror -isystem $here/shim -I$here -I$inc"
    for f in work_gen work_kstyle kstyle_init harness; do
        gcc $cflags -c "$here/$f.c" -o "$out/$v-$f.o"
    done
    gcc -o "$out/harness-$v" "$out/$v-harness.o" "$out/$v-work_gen.o" "$out/$v-work_kstyle.o" "$out/$v-kstyle_init.o"
done
for round in 1 2; do
    for v in as-is and; do
        "$out/harness-$v" "$data" 21 50 | awk -v v="$v" -v r="$round" '$3 == "classify" && $4 == "generated" { print "round " r, v, $2, $3, $5 " ns/op" }'
    done
done
