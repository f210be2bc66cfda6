package dev.sptegen.bench;

import java.util.Arrays;

/**
 * Where the classify and extract loops leave their per-kind results (classify 4 counts, extract 2
 * sums), for {@link Workloads} to compare across versions. Not an argument: an array passed in stays
 * live across the loop, and that one register more made C2 move the data array and the counters
 * between general and xmm registers inside the loop (npt classify: 10 {@code vmov} instead of 6; the
 * times are in docs/performance.md). A constant array costs the loop nothing until the stores after
 * it. Single-threaded use only.
 */
public final class LoopResults {
    static final long[] LAST = new long[4];

    private LoopResults() {
    }

    /** The first {@code n} results of the last loop. */
    static long[] last(int n) {
        return Arrays.copyOf(LAST, n);
    }
}
