#!/bin/bash
# run-direct.sh DYNAMIC_DIR TEST...
# Smoke run of the dynamic test binaries on this machine's /dev/kvm.
# Missing /dev/kvm prints "direct: skipped" and exits 0. On a PVM host the
# guest is emulated instruction by instruction (no SPTEs), so results here
# only show that the binary and its host-side logic work.
# Exits non-zero on a failure only when SPTEGEN_DIRECT_STRICT=1.
# env: SPTEGEN_TMO (default 120), SPTEGEN_DIRECT_STRICT (default 0)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 DYNAMIC_DIR TEST..."
ddir=$(cd "$1" && pwd); shift
TMO=${SPTEGEN_TMO:-120}

if [ ! -c /dev/kvm ] || ! [ -r /dev/kvm ] || ! [ -w /dev/kvm ]; then
	echo "direct: skipped (no usable /dev/kvm)"
	exit 0
fi

np=0; nf=0; ns=0
for t in "$@"; do
	b=""
	for c in "$ddir/x86_64/$t" "$ddir/x86/$t" "$ddir/$t"; do
		[ -x "$c" ] && { b=$c; break; }
	done
	[ -n "$b" ] || die "binary for $t not found under $ddir"
	t0=$(now_s)
	rc=0
	timeout "$TMO" "$b" >"$ddir/$t.direct.log" 2>&1 || rc=$?
	secs=$(elapsed "$t0")
	case $rc in
	0) v=pass; np=$((np + 1)) ;;
	4) v=skip; ns=$((ns + 1)) ;;
	124) v=timeout; nf=$((nf + 1)) ;;
	*) v=fail; nf=$((nf + 1)) ;;
	esac
	echo "RESULT $t mode=direct rc=$rc verdict=$v secs=$secs"
	if [ "$v" = fail ] || [ "$v" = timeout ]; then
		tail -n 20 "$ddir/$t.direct.log" | sed 's/^/    /'
	fi
done
echo "direct: $np passed, $nf failed, $ns skipped"
if [ "$nf" -gt 0 ] && [ "${SPTEGEN_DIRECT_STRICT:-0}" = 1 ]; then
	exit 1
fi
exit 0
