package dev.sptegen.bench;

/**
 * The four workloads over one version of the helpers, and the arrays of the {@link SpteSet} they run
 * on. Each version's loops are their own class (a subclass of this one, calling its helpers statically
 * or through a monomorphic field), so C2 compiles and profiles each version's loops apart.
 *
 * <p>The arrays are final fields of the loop object, not arguments: with the array as an argument,
 * C2 compiled npt classify to one of three register allocations by JVM (1.19, 1.28 or 1.44 ns;
 * {@code bench/jit_modes.py}, docs/performance.md); read from a field, it measures 1.15-1.22 ns in
 * every JVM. Every version extends this class, so they still differ only in the helpers they call.
 */
abstract class WorkloadLoops {
    /** The mixed SPTEs (classify, extract). */
    protected final long[] mixed;
    /** Present leaves (roundTrip). */
    protected final long[] leaves;
    /** Maker inputs (make). */
    protected final long[] pfn;
    protected final long[] gen;
    protected final int[] flags;

    WorkloadLoops(SpteSet d) {
        this.mixed = d.mixed;
        this.leaves = d.leaves;
        this.pfn = d.pfn;
        this.gen = d.gen;
        this.flags = d.flags;
    }

    /** Counts present, MMIO, frozen and present access-tracked SPTEs into {@link LoopResults}; returns their sum. */
    public abstract long classify();

    /** Sums the generations of MMIO SPTEs and the PFNs of present SPTEs into {@link LoopResults}. */
    public abstract long extract();

    /**
     * {@link #extract} with its two sums in the other order: the same results; C2 compiles the two
     * orders differently (docs/performance.md).
     */
    public abstract long extractPfnFirst();

    /** Builds a leaf, a non-leaf and an MMIO SPTE from each input; returns a hash of all of them. */
    public abstract long make();

    /** Marks every leaf for access tracking and restores it; returns a hash of the results. */
    public abstract long roundTrip();
}
