#!/bin/bash
# make-initramfs.sh MODDIR OUT.cpio TESTBIN...
# Builds a busybox initramfs for the nested KVM run: /init (the file `init`
# next to this script), static busybox, the KVM modules from MODDIR (a
# lib/modules/<ver> directory of an unpacked linux-image .deb; .ko.xz/.ko.zst
# are decompressed) and the given static test binaries under /tests.
# env: BUSYBOX (default /bin/busybox from busybox-static)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 MODDIR OUT.cpio TESTBIN..."
moddir=$1; out=$2; shift 2
bb=${BUSYBOX:-/bin/busybox}

[ -d "$moddir/kernel" ] || die "$moddir is not a lib/modules/<version> directory"
[ -x "$bb" ] || die "busybox not found at $bb (install busybox-static)"
if ! LC_ALL=C readelf -d "$bb" 2>/dev/null | grep -q 'There is no dynamic section' &&
	LC_ALL=C readelf -d "$bb" 2>/dev/null | grep -q NEEDED; then
	die "$bb is dynamically linked; need busybox-static"
fi
command -v cpio >/dev/null || die "cpio missing (apt-get install cpio)"

stage=$(mktemp -d "${TMPDIR:-/tmp}/sptegen-initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,tmp,modules,tests}
cp "$bb" "$stage/bin/busybox"
cp "$KIT_DIR/init" "$stage/init"
chmod 755 "$stage/init" "$stage/bin/busybox"

# kvm-amd needs kvm (and ccp for SEV); kvm needs irqbypass
for m in irqbypass ccp kvm kvm-amd; do
	f=$(find "$moddir/kernel" -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" \
		-o -name "$m.ko.gz" | head -n1)
	[ -n "$f" ] || die "module $m not found under $moddir/kernel"
	case $f in
	*.xz) timeout 60 xz -dc "$f" >"$stage/modules/$m.ko" ;;
	*.zst) timeout 60 zstd -qdc "$f" >"$stage/modules/$m.ko" ;;
	*.gz) timeout 60 gzip -dc "$f" >"$stage/modules/$m.ko" ;;
	*) cp "$f" "$stage/modules/$m.ko" ;;
	esac
done

for t in "$@"; do
	[ -f "$t" ] || die "test binary $t not found"
	if LC_ALL=C readelf -d "$t" 2>/dev/null | grep -q NEEDED; then
		die "$t is dynamically linked; build it with EXTRA_CFLAGS=-static"
	fi
	cp "$t" "$stage/tests/"
done

mkdir -p "$(dirname "$out")"
(cd "$stage" && find . -print0 | LC_ALL=C sort -z |
	timeout 120 cpio --null -o -H newc --quiet) >"$out.tmp" ||
	die "cpio failed"
mv "$out.tmp" "$out"
log "initramfs $out ($(du -h "$out" | cut -f1), $# tests)"
