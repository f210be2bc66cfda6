package dev.sptegen.bench;

/**
 * The arrays of a {@link SpteSet}, as final fields of the loop object that reads them. The loops take
 * no arrays as arguments: with the array as an argument, C2 compiled npt classify to one of three
 * register allocations by JVM (1.19, 1.28 or 1.44 ns; {@code bench/jit_modes.py},
 * docs/performance.md); read from a field, it measures 1.15-1.22 ns in every JVM. Every version
 * extends this class, so they still differ only in the helpers they call.
 */
abstract class LoopData {
    /** The mixed SPTEs (classify, extract). */
    protected final long[] mixed;
    /** Present leaves (roundTrip). */
    protected final long[] leaves;
    /** Maker inputs (make). */
    protected final long[] pfn;
    protected final long[] gen;
    protected final int[] flags;

    LoopData(SpteSet d) {
        this.mixed = d.mixed;
        this.leaves = d.leaves;
        this.pfn = d.pfn;
        this.gen = d.gen;
        this.flags = d.flags;
    }
}
