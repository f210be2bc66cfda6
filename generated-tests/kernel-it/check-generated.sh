#!/bin/bash
# check-generated.sh TREE DIR
# Static checks of the generated C in DIR against a prepared kernel TREE:
#   * scripts/checkpatch.pl --no-tree --strict on every .c and .h: no errors, no warnings
#     (CHECK-level remarks are printed and counted, not fatal)
#   * each sptegen_*.h header alone with gcc -Wall -Wextra -Werror, in kernel context
#     (-D__KERNEL__, the tree's include/ and arch/x86/include, tree headers as system headers)
#     and in tools/testing/selftests context (tools/include)
# The tests themselves get their -Wall -Wextra -Werror pass in build-tests.sh (SPTEGEN_STRICT=1).
# Prints one RESULT line per check; exits 1 if any fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -eq 2 ] || die "usage: $0 TREE DIR"
tree=$(cd "$1" && pwd); dir=$(cd "$2" && pwd)
[ -f "$tree/scripts/checkpatch.pl" ] || die "$tree has no scripts/checkpatch.pl"
command -v perl >/dev/null || die "perl missing (checkpatch)"

bad=0
result() { echo "RESULT $1 verdict=$2${3:+ $3}"; [ "$2" = pass ] || bad=1; }

shopt -s nullglob
files=("$dir"/*.c "$dir"/*.h)
[ ${#files[@]} -gt 0 ] || die "no .c or .h files in $dir"

for f in "${files[@]}"; do
	n=$(basename "$f")
	out=$(timeout 300 perl "$tree/scripts/checkpatch.pl" --no-tree --strict -f --terse \
		--show-types "$f" 2>&1 || true)
	total=$(printf '%s\n' "$out" | grep -E '^total: ' | tail -n1 || true)
	e=$(printf '%s' "$total" | sed -n 's/^total: \([0-9]*\) errors.*/\1/p')
	w=$(printf '%s' "$total" | sed -n 's/.* \([0-9]*\) warnings.*/\1/p')
	c=$(printf '%s' "$total" | sed -n 's/.* \([0-9]*\) checks.*/\1/p')
	if [ -z "$total" ]; then
		# --terse prints nothing at all for a clean file
		e=0 w=0 c=0
	fi
	if [ "${e:-1}" = 0 ] && [ "${w:-1}" = 0 ]; then
		result "checkpatch file=$n" pass "errors=0 warnings=0 checks=${c:-0}"
	else
		result "checkpatch file=$n" fail "errors=$e warnings=$w checks=$c"
	fi
	{ printf '%s\n' "$out" | grep -v -e '^total: ' -e '^$' || true; } | sed 's/^/    /' | head -n 20
done

# kernel context: asm-generic wrappers that `make prepare` would generate, an empty autoconf.h
kgen=$(mktemp -d "${TMPDIR:-/tmp}/sptegen-kgen.XXXXXX")
trap 'rm -rf "$kgen"' EXIT
mkdir -p "$kgen/generated" "$kgen/asm"
: >"$kgen/generated/autoconf.h"
for h in $(sed -n 's/^mandatory-y += \(.*\)\.h$/\1/p' "$tree/include/asm-generic/Kbuild" \
	"$tree/include/uapi/asm-generic/Kbuild") \
	$(sed -n 's/^generic-y += \(.*\)\.h$/\1/p' "$tree/arch/x86/include/asm/Kbuild"); do
	if [ ! -f "$tree/arch/x86/include/asm/$h.h" ] && [ ! -f "$tree/arch/x86/include/uapi/asm/$h.h" ]; then
		echo "#include <asm-generic/$h.h>" >"$kgen/asm/$h.h"
	fi
done

for h in "$dir"/sptegen_*.h; do
	n=$(basename "$h")
	printf '#include "%s"\n' "$n" >"$kgen/use.c"
	if timeout 300 gcc -fsyntax-only -Wall -Wextra -Werror -D__KERNEL__ -DCONFIG_64BIT=1 \
		-DCONFIG_X86_64=1 -nostdinc -isystem "$(gcc -print-file-name=include)" \
		-iquote "$dir" -isystem "$kgen" -isystem "$tree/arch/x86/include" \
		-isystem "$tree/arch/x86/include/uapi" -isystem "$tree/include" \
		-isystem "$tree/include/uapi" -include "$tree/include/linux/kconfig.h" \
		-include "$tree/include/linux/compiler_types.h" "$kgen/use.c" >"$kgen/gcc.log" 2>&1; then
		result "gcc-kernel file=$n" pass
	else
		result "gcc-kernel file=$n" fail
		head -n 20 "$kgen/gcc.log" | sed 's/^/    /'
	fi
	if timeout 300 gcc -fsyntax-only -std=gnu99 -D_GNU_SOURCE -Wall -Wextra -Werror \
		-iquote "$dir" -isystem "$tree/tools/include" -isystem "$tree/tools/arch/x86/include" \
		-isystem "$tree/usr/include" "$kgen/use.c" >"$kgen/gcc.log" 2>&1; then
		result "gcc-selftests file=$n" pass
	else
		result "gcc-selftests file=$n" fail
		head -n 20 "$kgen/gcc.log" | sed 's/^/    /'
	fi
done
exit $bad
