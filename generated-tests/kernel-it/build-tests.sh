#!/bin/bash
# build-tests.sh TREE OUTDIR TEST...
# Builds the named KVM selftests through TREE's own kselftest Makefile, twice:
#   OUTDIR/dynamic/<arch>/<test>  (for run-direct.sh)
#   OUTDIR/static/<arch>/<test>   (EXTRA_CFLAGS=-static, for the initramfs)
# <arch> is x86_64 (<= 6.13 trees) or x86 (6.14+), detected from the tree.
# A TEST is a test name whose <name>.c is already in the arch directory, or a
# path to a .c file, which is first copied there (convenience for prototypes);
# a path to a .h file is copied there too (a header a test includes).
# The Makefile is not edited: the test list is overridden on the command line.
# env: SPTEGEN_EXTRA_CFLAGS  extra flags for both builds
#      SPTEGEN_STRICT=1       first compile each test alone with -Wall -Wextra
#                             -Werror (-fsyntax-only); the selftest library
#                             headers are included as system headers so that
#                             only warnings in the test's own code count
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 3 ] || die "usage: $0 TREE OUTDIR TEST..."
tree=$(cd "$1" && pwd); out=$2; shift 2
mkdir -p "$out"; out=$(cd "$out" && pwd)
K=$tree/tools/testing/selftests/kvm
[ -d "$K" ] || die "$K not found (run prepare-tree.sh)"
[ -f "$tree/usr/include/linux/kvm.h" ] || die "$tree has no installed headers (run prepare-tree.sh)"
read -r archdir varsfx < <(selftest_layout "$K")

names=()
for t in "$@"; do
	if [[ $t == *.h ]]; then
		[ -f "$t" ] || die "$t not found"
		cp "$t" "$K/$archdir/"
		continue
	fi
	if [[ $t == *.c ]]; then
		[ -f "$t" ] || die "$t not found"
		cp "$t" "$K/$archdir/"
		t=$(basename "$t" .c)
	fi
	[ -f "$K/$archdir/$t.c" ] || die "$K/$archdir/$t.c not found (install the test first)"
	names+=("$archdir/$t")
done

strict_check() {
	local n t0
	t0=$(now_s)
	for n in "${names[@]}"; do
		if ! timeout 300 nice gcc -fsyntax-only -D_GNU_SOURCE -std=gnu99 -DCONFIG_64BIT \
			-march=x86-64-v2 -Wall -Wextra -Werror -Wstrict-prototypes \
			-isystem "$tree/tools/include" -isystem "$tree/tools/arch/x86/include" \
			-isystem "$tree/usr/include" -isystem "$K/include" \
			-isystem "$K/include/$archdir" -isystem "$K/.." -I"$K/$archdir" \
			"$K/$n.c" >&2; then
			die "strict compile (-Wall -Wextra -Werror) of $n failed"
		fi
	done
	log "strict -Wall -Wextra -Werror check passed in $(elapsed "$t0") s"
}

build() {
	local kind=$1 o=$out/$1 cflags=${SPTEGEN_EXTRA_CFLAGS:-} t0
	[ "$kind" = static ] && cflags="$cflags -static"
	mkdir -p "$o"
	t0=$(now_s)
	# absolute targets: lib.mk prefixes $(OUTPUT) to the program list
	local targets=()
	for n in "${names[@]}"; do targets+=("$o/$n"); done
	if ! timeout 900 nice make -C "$K" -j"$(jobs_n)" OUTPUT="$o" \
		EXTRA_CFLAGS="$cflags" \
		"TEST_GEN_PROGS_$varsfx=${names[*]}" "TEST_PROGS_$varsfx=" \
		"TEST_GEN_PROGS_EXTENDED_$varsfx=" "${targets[@]}" >"$o/build.log" 2>&1; then
		grep -E 'error|Error' "$o/build.log" | head -n 40 >&2 || true
		die "$kind build failed; full log: $o/build.log"
	fi
	for n in "${names[@]}"; do
		[ -x "$o/$n" ] || die "$kind build produced no $o/$n"
	done
	log "$kind build of ${#names[@]} test(s) in $(elapsed "$t0") s -> $o/$archdir"
}

[ "${SPTEGEN_STRICT:-0}" = 1 ] && strict_check
build dynamic
build static
echo "$out"
