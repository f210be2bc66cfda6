#!/bin/bash
# run-nested.sh STATIC_DIR TEST...
# Runs static KVM selftests against real KVM: Debian's 6.12 kernel (matching
# the installed linux-source-6.12, else the newest 6.12) boots under QEMU TCG
# (-cpu max, -smp 1) with a busybox initramfs; kvm_amd is loaded once with
# npt=1 (TDP MMU) and once with npt=0 (shadow MMU).
# STATIC_DIR is build-tests.sh's OUTDIR/static (binaries under x86_64/ or x86/).
#
# Results go to $SPTEGEN_RESULTS (default $SPTEGEN_KERNEL_WORK/results):
#   serial-npt1.log, serial-npt0.log   raw serial console (CRs stripped)
#   trace-npt1.txt, trace-npt0.txt     ftrace text of the kvmmmu events (TRACE=1)
#   results.txt                        the RESULT lines
# Prints RESULT lines and a closing "N passed, N failed, N skipped"; exits
# non-zero if a test failed or timed out, or a mode did not reach ALL_DONE.
#
# env: SPTEGEN_NPT_MODES   "1 0"      which npt values to boot
#      SPTEGEN_TRACE       1          record kvm_mmu_set_spte, kvm_tdp_mmu_spte_changed, mark_mmio_spte
#      SPTEGEN_TRACE_KB    131072     trace buffer per CPU in L1
#      SPTEGEN_TMO         300        per-test timeout inside L1 (s)
#      SPTEGEN_QEMU_TIMEOUT           whole-boot timeout (default 180 + TMO * tests)
#      SPTEGEN_QEMU_MEM    2G
#      SPTEGEN_FEP         0          1: load kvm with force_emulation_prefix=1
#      SPTEGEN_TDPMMU                 kvm tdp_mmu= value (unset: default)
#      SPTEGEN_TEST_ARGS              "test=arg1,arg2 test2=..." extra argv per test
#      SPTEGEN_KERNEL_PKG             exact linux-image package to use
#      SPTEGEN_APPEND                 extra kernel command line words
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 STATIC_DIR TEST..."
sdir=$(cd "$1" && pwd); shift
W=$SPTEGEN_KERNEL_WORK
R=${SPTEGEN_RESULTS:-$W/results}
MODES=${SPTEGEN_NPT_MODES:-1 0}
TRACE=${SPTEGEN_TRACE:-1}
TMO=${SPTEGEN_TMO:-300}
QTMO=${SPTEGEN_QEMU_TIMEOUT:-$((180 + TMO * $#))}
mkdir -p "$W" "$R"

bins=(); names=()
for t in "$@"; do
	b=""
	for c in "$sdir/x86_64/$t" "$sdir/x86/$t" "$sdir/$t"; do
		[ -x "$c" ] && { b=$c; break; }
	done
	[ -n "$b" ] || die "static binary for $t not found under $sdir"
	bins+=("$b"); names+=("$t")
done

t0=$(now_s)
ensure_pkgs qemu-system-x86 busybox-static cpio xz-utils

# --- kernel image: apt-get download, never installed ---
pick_kernel_pkg() {
	local v up p
	if [ -n "${SPTEGEN_KERNEL_PKG:-}" ]; then echo "$SPTEGEN_KERNEL_PKG"; return; fi
	v=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || true)
	if [ -n "$v" ]; then
		up=${v%%-*}
		p="linux-image-$up+deb12-amd64-unsigned"
		if apt-cache show "$p" >/dev/null 2>&1; then echo "$p"; return; fi
		apt_update_once
		if apt-cache show "$p" >/dev/null 2>&1; then echo "$p"; return; fi
		log "no $p in the archive; falling back to the newest 6.12 image"
	fi
	p=$(apt-cache search --names-only '^linux-image-6\.12\..*\+deb12-amd64-unsigned$' |
		awk '{ print $1 }' | sort -V | tail -n1)
	if [ -z "$p" ]; then
		apt_update_once
		p=$(apt-cache search --names-only '^linux-image-6\.12\..*\+deb12-amd64-unsigned$' |
			awk '{ print $1 }' | sort -V | tail -n1)
	fi
	[ -n "$p" ] || die "no linux-image-6.12.*+deb12-amd64-unsigned package found"
	echo "$p"
}
kpkg=$(pick_kernel_pkg)
kd=$W/kernel/$kpkg
if [ ! -f "$kd/.extracted" ] || ! compgen -G "$kd/root/boot/vmlinuz-*" >/dev/null; then
	log "downloading $kpkg"
	rm -rf "$kd"; mkdir -p "$kd/deb"
	(cd "$kd/deb" && timeout 600 apt-get -qq download "$kpkg" >&2) ||
		die "apt-get download $kpkg failed"
	timeout 300 dpkg-deb -x "$kd"/deb/*.deb "$kd/root" || die "dpkg-deb -x failed"
	rm -f "$kd"/deb/*.deb
	touch "$kd/.extracted"
fi
vmlinuz=$(find "$kd/root/boot" -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort | head -n1)
moddir=$(find "$kd/root/lib/modules" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort | head -n1)
if [ -z "$vmlinuz" ] || [ -z "$moddir" ]; then
	die "no vmlinuz/modules in $kd/root (remove $kd to re-download)"
fi

"$KIT_DIR/make-initramfs.sh" "$moddir" "$W/run/initramfs.cpio" "${bins[@]}"
log "kernel $kpkg ready, initramfs built ($(elapsed "$t0") s)"

append="console=ttyS0 panic=-1 loglevel=3 VENDOR=amd TMO=$TMO TRACE=$TRACE"
append="$append TRACE_KB=${SPTEGEN_TRACE_KB:-131072}"
append="$append TESTS=$(IFS=,; echo "${names[*]}")"
[ "${SPTEGEN_FEP:-0}" = 1 ] && append="$append FEP=1"
[ -n "${SPTEGEN_TDPMMU:-}" ] && append="$append TDPMMU=$SPTEGEN_TDPMMU"
for a in ${SPTEGEN_TEST_ARGS:-}; do
	append="$append ARGS_${a%%=*}=${a#*=}"
done
[ -n "${SPTEGEN_APPEND:-}" ] && append="$append $SPTEGEN_APPEND"

: >"$R/results.txt"
bad=0; np=0; nf=0; ns=0
for npt in $MODES; do
	mode=npt$npt
	log "booting $mode (timeout ${QTMO}s)"
	tq=$(now_s)
	rc=0
	timeout "$QTMO" qemu-system-x86_64 -accel tcg -cpu max -smp 1 \
		-m "${SPTEGEN_QEMU_MEM:-2G}" -nographic -no-reboot \
		-kernel "$vmlinuz" -initrd "$W/run/initramfs.cpio" \
		-append "$append NPT=$npt" </dev/null 2>&1 |
		tr -d '\r' >"$R/serial-$mode.log" || rc=$?
	secs=$(elapsed "$tq")
	log "$mode finished in $secs s (qemu rc=$rc)"
	sed -n "/^TRACE_BEGIN mode=$mode/,/^TRACE_END mode=$mode/p" "$R/serial-$mode.log" |
		sed '1d;$d' >"$R/trace-$mode.txt"
	grep -a -E '^(KVM_LOADED|TRACE_STATS|TRACE_COUNT|TRACE_LOST|INIT_ERROR|SUMMARY)' \
		"$R/serial-$mode.log" >&2 || true
	if ! grep -aq '^ALL_DONE' "$R/serial-$mode.log"; then
		echo "MODE $mode did not reach ALL_DONE (qemu rc=$rc, ${secs}s); tail of serial log:"
		tail -n 30 "$R/serial-$mode.log"
		bad=1
	fi
	for t in "${names[@]}"; do
		line=$(grep -a "^RESULT $t mode=$mode " "$R/serial-$mode.log" | tail -n1 || true)
		if [ -z "$line" ]; then
			line="RESULT $t mode=$mode rc=? verdict=missing secs=?"
		fi
		echo "$line" | tee -a "$R/results.txt"
		case $line in
		*verdict=pass*) np=$((np + 1)) ;;
		*verdict=skip*) ns=$((ns + 1)) ;;
		*)
			nf=$((nf + 1)); bad=1
			echo "---- $t ($mode) output tail:"
			sed -n "/^TEST_BEGIN $t mode=$mode/,/^TEST_END $t/p" "$R/serial-$mode.log" |
				tail -n 40
			echo "----"
			;;
		esac
	done
done
log "results in $R (total $(elapsed "$t0") s)"
echo "$np passed, $nf failed, $ns skipped"
exit $bad
