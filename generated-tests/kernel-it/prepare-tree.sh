#!/bin/bash
# prepare-tree.sh: install linux-source-6.12 (if missing), extract the subset of
# the tree that KVM selftests need, run `make headers`, and print the tree path.
# Cached in $SPTEGEN_KERNEL_WORK/tree/<source version>/; re-running is cheap.
#
# env: SPTEGEN_KERNEL_WORK (default /var/tmp/sptegen-kernel)
#      SPTEGEN_SOURCE_PKG  (default linux-source-6.12)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SRC_PKG=${SPTEGEN_SOURCE_PKG:-linux-source-6.12}
SRC_SERIES=${SRC_PKG#linux-source-}

t0=$(now_s)
ensure_build_tools
ensure_pkgs "$SRC_PKG" xz-utils qemu-system-x86 busybox-static cpio

ver=$(dpkg-query -W -f='${Version}' "$SRC_PKG")
tarball=/usr/src/linux-source-$SRC_SERIES.tar.xz
[ -f "$tarball" ] || die "$SRC_PKG $ver is installed but $tarball is missing"

base=$SPTEGEN_KERNEL_WORK/tree/$(printf '%s' "$ver" | tr -c 'A-Za-z0-9.+-' '_')
tree=$base/linux-source-$SRC_SERIES
mkdir -p "$base"

if [ ! -f "$base/.extracted" ]; then
	log "extracting subset of $tarball ($ver) into $base"
	rm -rf "$base/tmp" "$tree"
	mkdir -p "$base/tmp"
	t=$(now_s)
	timeout 600 tar -C "$base/tmp" -xf "$tarball" \
		"linux-source-$SRC_SERIES/Makefile" \
		"linux-source-$SRC_SERIES/Kbuild" \
		"linux-source-$SRC_SERIES/Kconfig" \
		"linux-source-$SRC_SERIES/scripts" \
		"linux-source-$SRC_SERIES/include" \
		"linux-source-$SRC_SERIES/arch/x86" \
		"linux-source-$SRC_SERIES/tools" ||
		die "extracting $tarball failed"
	mv "$base/tmp/linux-source-$SRC_SERIES" "$tree"
	rmdir "$base/tmp"
	echo "$ver" >"$base/.extracted"
	log "extracted in $(elapsed "$t") s"
fi

if [ ! -f "$base/.headers" ] || [ ! -f "$tree/usr/include/linux/kvm.h" ]; then
	log "make headers"
	t=$(now_s)
	timeout 900 nice make -s -C "$tree" -j"$(jobs_n)" headers >&2 ||
		die "make headers failed in $tree"
	touch "$base/.headers"
	log "headers in $(elapsed "$t") s"
fi

[ -d "$tree/tools/testing/selftests/kvm" ] || die "no kvm selftests in $tree"
log "tree ready ($ver) in $(elapsed "$t0") s"
echo "$tree"
