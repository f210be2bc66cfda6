#!/usr/bin/env bash
# Issue 6 benchmarks, in one run: builds with -Pbench, then
#   1. JMH RuntimeBench: the runtime workloads (generated / kernel-style / SpteProfile, ept and npt);
#   2. the same workloads in C (gcc -O2) over the generated header and over kernel-style globals,
#      on the very values the Java run used (checked against the Java results);
#   3. instruction counts per C helper (objdump -d);
#   4. JMH GeneratorBench: validating and generating all bundled specs in-process;
# and prints the tables of docs/performance.md (raw results in bench/target/bench-results/).
#
# usage: bench/run.sh [--no-build] [--quick] [--skip-generator] [--shapes] [--no-strip-mining]
#                     [-- JMH options for every JMH run]
#   --quick: 1 fork, 2+2 short iterations (a smoke test; numbers not for the record)
#   --shapes: also ShapeBench (alternative emitted shapes, docs/performance.md "Emitter shapes")
#   --no-strip-mining: also classify and extract again with C2's loop strip mining off (a control: with
#             the array as a loop argument it changed C2's register allocation, docs/performance.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=1
generator=1
shapes=0
nostrip=0
quick=""
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) build=0 ;;
        --skip-generator) generator=0 ;;
        --shapes) shapes=1 ;;
        --no-strip-mining) nostrip=1 ;;
        --quick) quick="-f 1 -wi 2 -i 2 -w 1s -r 1s" ;;
        --) shift; break ;;
        *) echo "usage: bench/run.sh [--no-build] [--quick] [--skip-generator] [--shapes] [--no-strip-mining] [-- JMH options]" >&2; exit 2 ;;
    esac
    shift
done
out=bench/target/bench-results
jar=bench/target/benchmarks.jar
step() { printf '\n==> %s (load: %s)\n' "$1" "$(uptime | sed 's/.*load average: //')" | tee -a "$out/env.txt"; }

if [ $build = 1 ]; then
    mvn -B -q -Pbench package -DskipTests
fi
rm -rf "$out"
mkdir -p "$out/c"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "gcc: $(gcc --version | head -1)"
} > "$out/env.txt"

step "generated C header (sptegen generate --spec kvm-6.11)"
bin/sptegen generate --spec kvm-6.11 --out "$out/sptegen" >/dev/null
hdr="$out/sptegen/c/kvm-6.11"

step "inputs for C (the Java data sets, checked across the three Java versions)"
java -cp "$jar" dev.sptegen.bench.DumpData "$out/data"

step "compiling the C harness (gcc -O2)"
cflags="-O2 -std=gnu11 -Wall -Wextra -Werror -isystem bench/c/shim -Ibench/c -I$hdr"
for f in work_gen work_kstyle kstyle_init harness; do
    gcc $cflags -c "bench/c/$f.c" -o "$out/c/$f.o"
done
gcc -o "$out/c/harness" "$out/c/harness.o" "$out/c/work_gen.o" "$out/c/work_kstyle.o" "$out/c/kstyle_init.o"

step "JMH RuntimeBench"
java -jar "$jar" RuntimeBench -rf json -rff "$out/runtime.json" $quick "$@" | tee "$out/runtime.txt"

if [ $nostrip = 1 ]; then
    step "JMH RuntimeBench classify and extract, loop strip mining off"
    # -jvmArgsAppend replaces the @Fork one: repeat its heap settings.
    java -jar "$jar" 'RuntimeBench\.(classify|extract)' \
        -jvmArgsAppend "-Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:-UseCountedLoopSafepoints -XX:LoopStripMiningIter=0" \
        -rf json -rff "$out/nostrip.json" $quick "$@" | tee "$out/nostrip.txt"
fi

step "C harness"
"$out/c/harness" "$out/data" 41 50 | tee "$out/c.txt"

step "instruction counts"
bench/c/count_insns.sh "$hdr" "$out/insns" | tee "$out/insns.txt"

if [ $generator = 1 ]; then
    step "JMH GeneratorBench"
    java -jar "$jar" GeneratorBench -rf json -rff "$out/generator.json" $quick "$@" | tee "$out/generator.txt"
    step "generator timed main (wall and CPU time)"
    java -Xms1g -Xmx1g -cp "$jar" dev.sptegen.bench.GeneratorTimer 8 8 | tee "$out/generator-timer.txt"
fi
if [ $shapes = 1 ]; then
    step "JMH ShapeBench"
    java -jar "$jar" ShapeBench -rf json -rff "$out/shapes.json" $quick "$@" | tee "$out/shapes.txt"
fi
step "done"

python3 bench/report.py "$out" | tee "$out/results.md"
cat "$out/env.txt"
