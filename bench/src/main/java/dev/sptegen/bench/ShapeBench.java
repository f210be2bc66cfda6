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
 * Alternative shapes of emitted Java, measured against what the emitter writes today: evidence for (or
 * against) emitter changes. Each alternative is the generated helper rewritten by hand in one pattern
 * only, and checked equal to it on the data set in setUp; every variant, the generated baseline
 * included, is the same loop written inside its benchmark method, so they differ only in the helper:
 * <ul>
 * <li>{@code Rotate}: a comparison with a constant that does not fit a sign-extended 32-bit immediate,
 *     {@code s == 0x80000000000005A0L} or {@code (s & 0x8000000000001L) == 0x8000000000001L}, done on
 *     {@code Long.rotateLeft(s, r)} with the constants rotated the same way, so that they fit
 *     ({@code == 0xB41L}, {@code & 0x2001L}); C2 otherwise loads each 64-bit constant with a 10-byte
 *     movabs inside the loop body;
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

    /** {@code (s & 0x8000000000000007L) == 6L} rotated left by 1. */
    static boolean eptIsMmioRotate(long s) {
        return (Long.rotateLeft(s, 1) & 0xFL) == 0xCL;
    }

    /** {@code (s & 0x8000000000001L) == 0x8000000000001L} rotated left by 13. */
    static boolean nptIsMmioRotate(long s) {
        return (Long.rotateLeft(s, 13) & 0x2001L) == 0x2001L;
    }

    /** {@code s == 0x80000000000005A0L} rotated left by 1. */
    static boolean isFrozenRotate(long s) {
        return Long.rotateLeft(s, 1) == 0xB41L;
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
                if (eptIsMmioRotate(s) != Ept.isMmioSpte(s) || nptIsMmioRotate(s) != Npt.isMmioSpte(s)
                        || isFrozenRotate(s) != Ept.isFrozenSpte(s) || isFrozenRotate(s) != Npt.isFrozenSpte(s)
                        || spteToPfnShifts(s) != Ept.spteToPfn(s) || genShifts(s) != Ept.getMmioSpteGeneration(s)
                        || spteToPfnShifts(s) != Npt.spteToPfn(s) || genShifts(s) != Npt.getMmioSpteGeneration(s)) {
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
    public long eptClassifyRotate() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += eptIsMmioRotate(s) ? 1 : 0;
            frozen += isFrozenRotate(s) ? 1 : 0;
            tracked += pr & Ept.isAccessTrackSpte(s) ? 1 : 0;
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
    public long nptClassifyRotate() {
        long present = 0;
        long mmio = 0;
        long frozen = 0;
        long tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioRotate(s) ? 1 : 0;
            frozen += isFrozenRotate(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
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
