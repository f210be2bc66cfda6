package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.Ept;
import dev.sptegen.runtime.kvm6_11.Npt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alternative shapes of emitted Java, measured against what the emitter writes today (issue 6, item 6:
 * evidence for emitter changes; the emitter is not changed here). Each alternative is the generated
 * helper rewritten by hand in one pattern only, and checked equal to it on the data set in setUp; every
 * variant, the generated baseline included, is the same loop written inside its benchmark method, so
 * they differ only in the helper:
 * <ul>
 * <li>{@code And}: {@code is_access_track_spte} as {@code (a) & (b)} instead of {@code !spteAdEnabled(s) && (b)}
 *     (the emitter writes {@code &&} between side-effect-free comparisons, which compiles to a branch);
 * <li>{@code AndShift}: the same with the A/D-type test as {@code ((s >>> 52) & 3) == 1} instead of
 *     {@code (s & 0x30000000000000L) == 0x10000000000000L} (two 64-bit immediates, which C2 rematerializes
 *     with movabs inside the loop);
 * <li>{@code Shifts}: field extraction as shift-then-narrow-mask, {@code (s << 12) >>> 24} and
 *     {@code ((s >>> 3) & 0xFF) | ((s >>> 44) & 0x7FF00)}, instead of {@code (s & MASK64) >>> shift}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(SpteSet.N)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 40, time = 50, timeUnit = TimeUnit.MILLISECONDS)
public class ShapeBench {
    private long[] ept;
    private long[] npt;
    private final long[] out = new long[4];

    static boolean eptIsAccessTrackAnd(long s) {
        return ((s & Ept.SPTE_TDP_AD_MASK) == Ept.SPTE_TDP_AD_DISABLED) & ((s & Ept.SHADOW_ACC_TRACK_MASK) == 0L);
    }

    static boolean eptIsAccessTrackAndShift(long s) {
        return (((s >>> 52) & 3L) == 1L) & ((s & Ept.SHADOW_ACC_TRACK_MASK) == 0L);
    }

    static boolean nptIsAccessTrackShift(long s) {
        return ((s >>> 52) & 3L) == 1L;
    }

    static long spteToPfnShifts(long s) {
        return (s << 12) >>> 24;
    }

    static long genShifts(long s) {
        return ((s >>> 3) & 0xFFL) | ((s >>> 44) & 0x7FF00L);
    }

    @Setup(Level.Trial)
    public void setUp() {
        ept = SpteSet.of("ept").mixed;
        npt = SpteSet.of("npt").mixed;
        for (long[] a : new long[][] {ept, npt}) {
            for (long s : a) {
                if (eptIsAccessTrackAnd(s) != Ept.isAccessTrackSpte(s)
                        || eptIsAccessTrackAndShift(s) != Ept.isAccessTrackSpte(s)
                        || nptIsAccessTrackShift(s) != Npt.isAccessTrackSpte(s) || spteToPfnShifts(s) != Ept.spteToPfn(s)
                        || genShifts(s) != Ept.getMmioSpteGeneration(s) || spteToPfnShifts(s) != Npt.spteToPfn(s)
                        || genShifts(s) != Npt.getMmioSpteGeneration(s)) {
                    throw new IllegalStateException("alternative differs on 0x" + Long.toHexString(s));
                }
            }
        }
    }

    @Benchmark
    public long eptClassifyGenerated() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Ept.isMmioSpte(s) ? 1 : 0;
            frozen += Ept.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Ept.isAccessTrackSpte(s) ? 1 : 0;
        }
        out[0] = present;
        out[1] = mmio;
        out[2] = frozen;
        out[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Benchmark
    public long eptClassifyAnd() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Ept.isMmioSpte(s) ? 1 : 0;
            frozen += Ept.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & eptIsAccessTrackAnd(s) ? 1 : 0;
        }
        out[0] = present;
        out[1] = mmio;
        out[2] = frozen;
        out[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Benchmark
    public long eptClassifyAndShift() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Ept.isMmioSpte(s) ? 1 : 0;
            frozen += Ept.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & eptIsAccessTrackAndShift(s) ? 1 : 0;
        }
        out[0] = present;
        out[1] = mmio;
        out[2] = frozen;
        out[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Benchmark
    public long nptClassifyGenerated() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        out[0] = present;
        out[1] = mmio;
        out[2] = frozen;
        out[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Benchmark
    public long nptClassifyShift() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & nptIsAccessTrackShift(s) ? 1 : 0;
        }
        out[0] = present;
        out[1] = mmio;
        out[2] = frozen;
        out[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Benchmark
    public long eptExtractGenerated() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            pfns += Ept.isShadowPresentPte(s) ? Ept.spteToPfn(s) : 0;
            gens += Ept.isMmioSpte(s) ? Ept.getMmioSpteGeneration(s) : 0;
        }
        out[0] = pfns;
        out[1] = gens;
        return pfns ^ gens;
    }

    @Benchmark
    public long eptExtractShifts() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            pfns += Ept.isShadowPresentPte(s) ? spteToPfnShifts(s) : 0;
            gens += Ept.isMmioSpte(s) ? genShifts(s) : 0;
        }
        out[0] = pfns;
        out[1] = gens;
        return pfns ^ gens;
    }

    @Benchmark
    public long nptExtractGenerated() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            pfns += Npt.isShadowPresentPte(s) ? Npt.spteToPfn(s) : 0;
            gens += Npt.isMmioSpte(s) ? Npt.getMmioSpteGeneration(s) : 0;
        }
        out[0] = pfns;
        out[1] = gens;
        return pfns ^ gens;
    }

    @Benchmark
    public long nptExtractShifts() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            pfns += Npt.isShadowPresentPte(s) ? spteToPfnShifts(s) : 0;
            gens += Npt.isMmioSpte(s) ? genShifts(s) : 0;
        }
        out[0] = pfns;
        out[1] = gens;
        return pfns ^ gens;
    }
}
