#!/bin/bash
# trim-trace.sh IN OUT [MAXLINES]
# Cuts an ftrace text dump (as written by run-nested.sh) down to about
# MAXLINES (default 2000) whole lines, keeping the original order: the
# "#" header, every event other than kvm_tdp_mmu_spte_changed, and as many
# kvm_tdp_mmu_spte_changed lines as fit, split evenly between the tasks
# (the first ones of each task).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 IN OUT [MAXLINES]"
in=$1; out=$2; max=${3:-2000}
[ -f "$in" ] || die "$in not found"

# shellcheck disable=SC2016 # awk program
timeout 120 awk -v max="$max" '
function task(line,   t) { t = line; sub(/^ +/, "", t); sub(/ .*/, "", t); sub(/-[0-9]+$/, "", t); return t }
NR == FNR {
	if ($0 ~ /^#/ || $0 !~ / kvm_tdp_mmu_spte_changed: /) { fixed++; next }
	t = task($0); if (!(t in n)) ntask++; n[t]++; next
}
FNR == 1 { budget = max - fixed; per = (ntask > 0 && budget > 0) ? int(budget / ntask) : 0 }
$0 ~ /^#/ || $0 !~ / kvm_tdp_mmu_spte_changed: / { print; next }
{ t = task($0); if (kept[t]++ < per) print }
' "$in" "$in" >"$out"
log "$(wc -l <"$in") -> $(wc -l <"$out") lines: $out"
