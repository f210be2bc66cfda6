#!/bin/bash
# ci.sh: the kernel integration test of the generated C, end to end, for .ci/run.
#
#  1. installs what is missing (linux-source-6.12, qemu-system-x86, busybox-static, cpio, ...)
#     and prepares the 6.12 tree (prepare-tree.sh: subset extract + make headers)
#  2. generates the kvm-6.11 header and selftests (sptegen selftests write) and checks them:
#     checkpatch --strict, gcc -Wall -Wextra -Werror in kernel and selftests context
#     (check-generated.sh)
#  3. installs them into the tree with `sptegen selftests install` (twice: the second run must
#     change nothing) and builds them with the tree's own kselftest Makefile (build-tests.sh,
#     with the -Wall -Wextra -Werror pre-check)
#  4. runs them nested under QEMU TCG on Debian's 6.12 kernel with kvm_amd npt=1 (TDP MMU)
#     and npt=0 (shadow MMU), kvm.force_emulation_prefix=1, kvmmmu tracepoints on
#     (run-nested.sh), one RESULT line per test and mode
#  5. checks every SPTE KVM traced against the spec: sptegen trace --spec kvm-6.11
#     --profile npt (npt=1) / shadow (npt=0), with the L1's real MAXPHYADDR
# Fails if any step, test or SPTE check fails. Every step runs under a timeout.
#
# env: SPTEGEN           the sptegen launcher (default: bin/sptegen of this repo; build it first
#                        with mvn -B install)
#      SPTEGEN_CI_WORK   work dir (default /var/tmp/sptegen-ci): tree, kernel image, results
#      SPTEGEN_SPEC      spec to generate from (default kvm-6.11, the layout of Linux 6.12)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export SPTEGEN_KERNEL_WORK=${SPTEGEN_CI_WORK:-/var/tmp/sptegen-ci}
. "$here/lib.sh"

SPTEGEN=${SPTEGEN:-$repo/bin/sptegen}
SPEC=${SPTEGEN_SPEC:-kvm-6.11}
TESTS=(spte_layout_test guest_pte_access_test mmio_spte_test nested_ept_access_test)
W=$SPTEGEN_KERNEL_WORK
R=$W/results
mkdir -p "$W"
t_all=$(now_s)
steps_failed=0
step() { echo "== $*"; }
timing() { echo "TIME $1 $(elapsed "$2") s"; }
# res LINE...: a RESULT line, printed and kept for the closing count
res() { echo "RESULT $*" | tee -a "$W/ci-results.txt"; }
: >"$W/ci-results.txt"

need_root
[ -x "$SPTEGEN" ] || die "$SPTEGEN not found (build first: mvn -B install)"

step "prepare the 6.12 tree"
t=$(now_s)
tree=$(timeout 1200 "$here/prepare-tree.sh")
timing prepare-tree "$t"

step "generate $SPEC and check the C (checkpatch --strict, gcc -Werror)"
t=$(now_s)
gen=$W/generated/$SPEC
timeout 300 "$SPTEGEN" selftests write --spec "$SPEC" --out "$gen"
check_rc=0
timeout 600 "$here/check-generated.sh" "$tree" "$gen" >"$W/check-generated.txt" 2>&1 || check_rc=$?
cat "$W/check-generated.txt"
grep '^RESULT ' "$W/check-generated.txt" >>"$W/ci-results.txt" || true
[ $check_rc = 0 ] || steps_failed=1
timing generate-and-check "$t"

step "install into $tree"
t=$(now_s)
timeout 300 "$SPTEGEN" selftests install --kernel-tree "$tree" --spec "$SPEC"
again=$(timeout 300 "$SPTEGEN" selftests install --kernel-tree "$tree" --spec "$SPEC")
echo "$again"
case $again in
*" 0 written,"*"makefile already up to date"*) res "install-idempotent verdict=pass" ;;
*) res "install-idempotent verdict=fail"; steps_failed=1 ;;
esac
timing install "$t"

step "build with the tree's Makefile"
t=$(now_s)
out=$W/out
rm -rf "$out"
SPTEGEN_STRICT=1 timeout 1200 "$here/build-tests.sh" "$tree" "$out" "${TESTS[@]}"
timing build "$t"

step "run nested under QEMU TCG, npt=1 and npt=0, kvmmmu tracepoints on"
t=$(now_s)
rm -rf "$R"
nested_rc=0
SPTEGEN_RESULTS=$R SPTEGEN_TRACE=1 SPTEGEN_FEP=1 SPTEGEN_TMO=${SPTEGEN_TMO:-240} \
	SPTEGEN_QEMU_TIMEOUT=${SPTEGEN_QEMU_TIMEOUT:-600} \
	"$here/run-nested.sh" "$out/static" "${TESTS[@]}" || nested_rc=$?
for m in npt1 npt0; do
	[ -f "$R/serial-$m.log" ] && echo "TIME nested-$m $(grep -a -c . "$R/serial-$m.log") serial lines"
done
timing nested "$t"

step "check the traced SPTEs against $SPEC"
t=$(now_s)
trace_bad=0
for m in npt1 npt0; do
	profile=npt
	extra=()
	if [ "$m" = npt0 ]; then
		# npt=0 on AMD: shadow paging, and no L1TF on AMD
		profile=shadow
		extra=(--param l1tf_cache_bits=0)
	fi
	# the L1's MAXPHYADDR, as guest_pte_access_test printed it
	mpa=$(grep -a -m1 -o 'MAXPHYADDR [0-9]*' "$R/serial-$m.log" 2>/dev/null | awk '{ print $2 }' || true)
	mpa=${mpa:-40}
	if [ ! -s "$R/trace-$m.txt" ]; then
		res "trace mode=$m verdict=fail (no trace captured)"
		trace_bad=1
		continue
	fi
	rc=0
	timeout 600 "$SPTEGEN" trace --spec "$SPEC" --profile "$profile" --param "maxphyaddr=$mpa" \
		"${extra[@]}" "$R/trace-$m.txt" >"$R/trace-check-$m.txt" 2>&1 || rc=$?
	cat "$R/trace-check-$m.txt"
	if [ $rc = 0 ]; then
		res "trace mode=$m profile=$profile maxphyaddr=$mpa verdict=pass"
	else
		res "trace mode=$m profile=$profile maxphyaddr=$mpa verdict=fail rc=$rc"
		trace_bad=1
	fi
done
timing trace-check "$t"

echo "== summary"
cat "$R/results.txt" >>"$W/ci-results.txt" 2>/dev/null || true
cat "$W/ci-results.txt"
n_pass=$(grep -c 'verdict=pass' "$W/ci-results.txt" || true)
n_skip=$(grep -c 'verdict=skip' "$W/ci-results.txt" || true)
n_fail=$(grep -c -v -e 'verdict=pass' -e 'verdict=skip' "$W/ci-results.txt" || true)
timing total "$t_all"
if [ $nested_rc != 0 ] || [ $trace_bad != 0 ] || [ $steps_failed != 0 ]; then
	echo "kernel-it: FAILED (nested rc=$nested_rc, trace check failed=$trace_bad, static checks failed=$steps_failed)"
	[ "${n_fail:-0}" -gt 0 ] || n_fail=1
fi
echo "kernel-it: ${n_pass:-0} passed, ${n_fail:-0} failed, ${n_skip:-0} skipped"
[ "${n_fail:-0}" = 0 ]
