# shellcheck shell=bash
# Common helpers for the sptegen kernel integration harness.
# Sourced by the other scripts; not executable on its own.

SPTEGEN_KERNEL_WORK=${SPTEGEN_KERNEL_WORK:-/var/tmp/sptegen-kernel}
# shellcheck disable=SC2034 # used by the scripts that source this file
KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# now_s: seconds since epoch with milliseconds, for timing steps
now_s() { date +%s.%N | cut -c1-14; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

need_root() {
	[ "$(id -u)" = 0 ] || die "must run as root (apt-get install needs root)"
}

pkg_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

APT_UPDATED=0
apt_update_once() {
	[ "$APT_UPDATED" = 1 ] && return 0
	log "apt-get update"
	timeout 300 apt-get -o DPkg::Lock::Timeout=120 -qq update >&2 ||
		die "apt-get update failed (network to the Debian mirror?)"
	APT_UPDATED=1
}

# ensure_pkgs PKG...: install the packages that are missing (no recommends)
ensure_pkgs() {
	local missing=() p
	for p in "$@"; do
		pkg_installed "$p" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	need_root
	log "installing: ${missing[*]}"
	if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
		apt_update_once
	fi
	# the list may be stale even though the names resolve: retry once after update
	if ! DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -o DPkg::Lock::Timeout=120 \
		install -y -qq --no-install-recommends "${missing[@]}" >&2; then
		apt_update_once
		DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -o DPkg::Lock::Timeout=120 \
			install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
			die "apt-get install ${missing[*]} failed"
	fi
}

# ensure_build_tools: gcc/make/libc headers are normally present; install if not
ensure_build_tools() {
	local need=()
	command -v gcc >/dev/null || need+=(gcc)
	command -v make >/dev/null || need+=(make)
	[ -e /usr/include/stdio.h ] || need+=(libc6-dev)
	command -v perl >/dev/null || need+=(perl)
	[ ${#need[@]} -eq 0 ] || ensure_pkgs "${need[@]}"
}

# selftest_layout K: echo "ARCHDIR VARSUFFIX" for the kvm selftests dir K
# 6.12 and older: x86_64/ and TEST_GEN_PROGS_x86_64; 6.14+: x86/ and TEST_GEN_PROGS_x86
selftest_layout() {
	local k=$1
	if [ -d "$k/x86_64" ] && grep -q 'TEST_GEN_PROGS_x86_64' "$k/Makefile" 2>/dev/null; then
		echo "x86_64 x86_64"
	elif [ -d "$k/x86" ] && grep -qs 'TEST_GEN_PROGS_x86' "$k/Makefile" "$k/Makefile.kvm"; then
		echo "x86 x86"
	else
		die "cannot detect the x86 selftest layout in $k"
	fi
}

# nproc capped at 2 so that a concurrent build keeps a core
jobs_n() {
	local n
	n=$(nproc 2>/dev/null || echo 1)
	[ "$n" -gt 2 ] && n=2
	echo "$n"
}
