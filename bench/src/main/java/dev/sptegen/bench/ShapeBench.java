package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.Ept;
import dev.sptegen.runtime.kvm6_11.Npt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
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
 * against) emitter changes. Each alternative is a generated helper rewritten by hand in one pattern
 * only, in the generated code's own style (branch-free values), and {@link #setUp} checks it equal to
 * the helper on the data set and on 1 Mi random words. Every variant, the generated one included, is
 * the loop of {@link GenEptLoops} / {@link GenNptLoops} written inside its benchmark method, so they
 * differ only in the helper. Four forks per variant: npt classify compiles to different machine code
 * from JVM to JVM (docs/performance.md), so one fork says little.
 * <ul>
 * <li>{@code Rotate}: the comparisons with constants that need a 64-bit register
 *     ({@code s == 0x80000000000005A0L}, the MMIO mask and value) made on {@code Long.rotateLeft(s, r)}
 *     with the constants rotated the same way, so that they fit a 32-bit immediate;
 * <li>{@code FrozenPlain}: {@code isFrozenSpte} as a plain {@code ==};
 * <li>{@code FrozenLowestOneBit}: {@code isFrozenSpte} without its 64-bit constant: {@code s} equals
 *     {@code MIN_VALUE | 0x5A0} exactly when the lowest set bit of {@code s ^ 0x5A0} is bit 63;
 * <li>{@code MmioAndn}: NPT's {@code (s & M) == M} as {@code (~s & M) == 0}, one {@code andn};
 * <li>{@code NoWideConstants}: NPT classify with the MMIO test rotated and the frozen test by lowest
 *     set bit, so no 64-bit constant is live in the loop;
 * <li>{@code Plain}: every predicate of the loop returning its comparison ({@code ==}, {@code !=},
 *     {@code &&}) instead of a branch-free value, as the emitter printed them before {@code BranchFree};
 * <li>{@code LowHalfPresent}: {@code isShadowPresentPte}'s one-bit test on the low half,
 *     {@code ((int) s & 0x800) != 0}, instead of the bit shifted down, {@code ((int) (s >>> 11) & 1) != 0};
 * <li>{@code Shifts}: field extraction as shift-then-narrow-mask, {@code (s << 12) >>> 24} and
 *     {@code ((s >>> 3) & 0xFF) | ((s >>> 44) & 0x7FF00)}, instead of {@code (s & MASK64) >>> shift}.
 * <li>{@code IntTests}: every predicate of the loop as an {@code int} compared with zero, the one
 *     comparison C2 (JDK 17) compiles both ways: to a 0/1 value without a jump where a caller counts it
 *     ({@code Conv2B}: test, setne, movzbl), and to a test and a jump where a caller branches on it. The
 *     tested bits are first brought into the low half: by a cast, a rotation, or the two halves or-ed.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(SpteSet.N)
@Fork(value = 4, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 20, time = 50, timeUnit = TimeUnit.MILLISECONDS)
public class ShapeBench {
    private static final long NPT_MMIO = 0x8000000000001L;

    private long[] ept;
    private long[] npt;

    /** The generated zero test for a word that may have bit 63 ({@code BranchFree.isZero}). */
    static boolean isZero(long x) {
        return (Long.numberOfLeadingZeros(x) >>> 6 & 1) != 0;
    }

    /** The generated zero test for a word below 2^63 ({@code BranchFree.isZeroNonNegative}). */
    static boolean isZeroNonNegative(long x) {
        return (int) ((x - 1) >>> 63) != 0;
    }

    /** {@code (s & 0x8000000000000007L) == 6L} rotated left by 1. */
    static boolean eptIsMmioRotate(long s) {
        return isZeroNonNegative((Long.rotateLeft(s, 1) & 0xFL) ^ 0xCL);
    }

    /** {@code (s & 0x8000000000001L) == 0x8000000000001L} rotated left by 13. */
    static boolean nptIsMmioRotate(long s) {
        return isZeroNonNegative((Long.rotateLeft(s, 13) & 0x2001L) ^ 0x2001L);
    }

    /** {@code (s & 0x8000000000001L) == 0x8000000000001L} as {@code (~s & 0x8000000000001L) == 0}. */
    static boolean nptIsMmioAndn(long s) {
        return isZeroNonNegative(~s & NPT_MMIO);
    }

    /** {@code s == 0x80000000000005A0L} rotated left by 1. */
    static boolean isFrozenRotate(long s) {
        return isZero(Long.rotateLeft(s, 1) ^ 0xB41L);
    }

    /** {@code s == 0x80000000000005A0L} as a comparison. */
    static boolean isFrozenPlain(long s) {
        return s == 0x80000000000005A0L;
    }

    /** {@code s == 0x80000000000005A0L}: {@code s ^ 0x5A0} is {@code MIN_VALUE}, its lowest set bit bit 63. */
    static boolean isFrozenLowestOneBit(long s) {
        return (int) (Long.lowestOneBit(s ^ 0x5A0L) >>> 63) != 0;
    }

    static boolean eptIsPresentPlain(long s) {
        return (s & Ept.SPTE_MMU_PRESENT_MASK) != 0;
    }

    static boolean eptIsMmioPlain(long s) {
        return (s & Ept.SHADOW_MMIO_MASK) == Ept.VM_SHADOW_MMIO_VALUE;
    }

    static boolean eptIsAccessTrackPlain(long s) {
        return (s & Ept.SPTE_TDP_AD_MASK) == Ept.SPTE_TDP_AD_DISABLED && (s & Ept.SHADOW_ACC_TRACK_MASK) == 0;
    }

    static boolean nptIsPresentPlain(long s) {
        return (s & Npt.SPTE_MMU_PRESENT_MASK) != 0;
    }

    static boolean nptIsMmioPlain(long s) {
        return (s & Npt.SHADOW_MMIO_MASK) == Npt.VM_SHADOW_MMIO_VALUE;
    }

    static boolean nptIsAccessTrackPlain(long s) {
        return (s & Npt.SPTE_TDP_AD_MASK) == Npt.SPTE_TDP_AD_DISABLED;
    }

    static boolean isPresentLowHalf(long s) {
        return ((int) s & 0x800) != 0;
    }

    /** {@code (s & 0x8000000000000007L) == 6L}: bits 63 and 0-2 rotated to bits 0-3 of an int. */
    static boolean eptIsMmioIntTest(long s) {
        return (((int) Long.rotateLeft(s, 1) & 0xF) ^ 0xC) == 0;
    }

    /** {@code (s & 0x8000000000001L) == 0x8000000000001L}: bits 51 and 0 of {@code ~s} rotated to 0 and 13. */
    static boolean nptIsMmioIntTest(long s) {
        return ((int) Long.rotateLeft(~s, 13) & 0x2001) == 0;
    }

    /** {@code s == 0x80000000000005A0L}: the two halves of {@code s ^ 0x80000000000005A0L} or-ed. */
    static boolean isFrozenIntTest(long s) {
        long x = s ^ 0x80000000000005A0L;
        return ((int) x | (int) (x >>> 32)) == 0;
    }

    /** A/D type (bits 52-53) access-tracking and no RWX bit. */
    static boolean eptIsAccessTrackIntTest(long s) {
        return ((((int) (s >>> 52) & 3) ^ 1) | ((int) s & 7)) == 0;
    }

    /** A/D type (bits 52-53) access-tracking. */
    static boolean nptIsAccessTrackIntTest(long s) {
        return (((int) (s >>> 52) & 3) ^ 1) == 0;
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
        long[] random = new SplittableRandom(SpteSet.SEED).longs(SpteSet.N).toArray();
        for (long[] a : new long[][] {ept, npt, random}) {
            for (long s : a) {
                same("eptIsMmioRotate", ShapeBench::eptIsMmioRotate, Ept::isMmioSpte, s);
                same("nptIsMmioRotate", ShapeBench::nptIsMmioRotate, Npt::isMmioSpte, s);
                same("nptIsMmioAndn", ShapeBench::nptIsMmioAndn, Npt::isMmioSpte, s);
                same("isPresentLowHalf", ShapeBench::isPresentLowHalf, Ept::isShadowPresentPte, s);
                same("isPresentLowHalf", ShapeBench::isPresentLowHalf, Npt::isShadowPresentPte, s);
                same("eptIsPresentPlain", ShapeBench::eptIsPresentPlain, Ept::isShadowPresentPte, s);
                same("eptIsMmioPlain", ShapeBench::eptIsMmioPlain, Ept::isMmioSpte, s);
                same("eptIsAccessTrackPlain", ShapeBench::eptIsAccessTrackPlain, Ept::isAccessTrackSpte, s);
                same("nptIsPresentPlain", ShapeBench::nptIsPresentPlain, Npt::isShadowPresentPte, s);
                same("nptIsMmioPlain", ShapeBench::nptIsMmioPlain, Npt::isMmioSpte, s);
                same("nptIsAccessTrackPlain", ShapeBench::nptIsAccessTrackPlain, Npt::isAccessTrackSpte, s);
                same("eptIsMmioIntTest", ShapeBench::eptIsMmioIntTest, Ept::isMmioSpte, s);
                same("nptIsMmioIntTest", ShapeBench::nptIsMmioIntTest, Npt::isMmioSpte, s);
                same("eptIsAccessTrackIntTest", ShapeBench::eptIsAccessTrackIntTest, Ept::isAccessTrackSpte, s);
                same("nptIsAccessTrackIntTest", ShapeBench::nptIsAccessTrackIntTest, Npt::isAccessTrackSpte, s);
                for (LongPredicate frozen : new LongPredicate[] {Ept::isFrozenSpte, Npt::isFrozenSpte}) {
                    same("isFrozenRotate", ShapeBench::isFrozenRotate, frozen, s);
                    same("isFrozenPlain", ShapeBench::isFrozenPlain, frozen, s);
                    same("isFrozenLowestOneBit", ShapeBench::isFrozenLowestOneBit, frozen, s);
                    same("isFrozenIntTest", ShapeBench::isFrozenIntTest, frozen, s);
                }
                same("spteToPfnShifts", ShapeBench::spteToPfnShifts, Ept::spteToPfn, s);
                same("spteToPfnShifts", ShapeBench::spteToPfnShifts, Npt::spteToPfn, s);
                same("genShifts", ShapeBench::genShifts, Ept::getMmioSpteGeneration, s);
                same("genShifts", ShapeBench::genShifts, Npt::getMmioSpteGeneration, s);
            }
        }
    }

    private static void same(String name, LongPredicate alternative, LongPredicate generated, long s) {
        if (alternative.test(s) != generated.test(s)) {
            throw new IllegalStateException(name + " differs from the generated helper on 0x" + Long.toHexString(s));
        }
    }

    private static void same(String name, LongUnaryOperator alternative, LongUnaryOperator generated, long s) {
        if (alternative.applyAsLong(s) != generated.applyAsLong(s)) {
            throw new IllegalStateException(name + " differs from the generated helper on 0x" + Long.toHexString(s));
        }
    }

    private static long counted(int present, int mmio, int frozen, int tracked) {
        LoopResults.LAST[0] = present;
        LoopResults.LAST[1] = mmio;
        LoopResults.LAST[2] = frozen;
        LoopResults.LAST[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    private static long summed(long pfns, long gens) {
        LoopResults.LAST[0] = pfns;
        LoopResults.LAST[1] = gens;
        return pfns ^ gens;
    }

    @Benchmark
    public long eptClassifyGenerated() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Ept.isMmioSpte(s) ? 1 : 0;
            frozen += Ept.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Ept.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long eptClassifyRotate() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : ept) {
            boolean pr = Ept.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += eptIsMmioRotate(s) ? 1 : 0;
            frozen += isFrozenRotate(s) ? 1 : 0;
            tracked += pr & Ept.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyGenerated() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyRotate() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioRotate(s) ? 1 : 0;
            frozen += isFrozenRotate(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyFrozenPlain() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += isFrozenPlain(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyFrozenLowestOneBit() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += isFrozenLowestOneBit(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyMmioAndn() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioAndn(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyNoWideConstants() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioRotate(s) ? 1 : 0;
            frozen += isFrozenLowestOneBit(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long eptExtractGenerated() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            gens += Ept.isMmioSpte(s) ? Ept.getMmioSpteGeneration(s) : 0;
            pfns += Ept.isShadowPresentPte(s) ? Ept.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long eptExtractShifts() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            gens += Ept.isMmioSpte(s) ? genShifts(s) : 0;
            pfns += Ept.isShadowPresentPte(s) ? spteToPfnShifts(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptExtractGenerated() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += Npt.isMmioSpte(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += Npt.isShadowPresentPte(s) ? Npt.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptExtractShifts() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += Npt.isMmioSpte(s) ? genShifts(s) : 0;
            pfns += Npt.isShadowPresentPte(s) ? spteToPfnShifts(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptExtractMmioAndn() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += nptIsMmioAndn(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += Npt.isShadowPresentPte(s) ? Npt.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long eptClassifyPlain() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : ept) {
            boolean pr = eptIsPresentPlain(s);
            present += pr ? 1 : 0;
            mmio += eptIsMmioPlain(s) ? 1 : 0;
            frozen += isFrozenPlain(s) ? 1 : 0;
            tracked += pr & eptIsAccessTrackPlain(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptClassifyPlain() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = nptIsPresentPlain(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioPlain(s) ? 1 : 0;
            frozen += isFrozenPlain(s) ? 1 : 0;
            tracked += pr & nptIsAccessTrackPlain(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long eptExtractPlain() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            gens += eptIsMmioPlain(s) ? Ept.getMmioSpteGeneration(s) : 0;
            pfns += eptIsPresentPlain(s) ? Ept.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptExtractPlain() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += nptIsMmioPlain(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += nptIsPresentPlain(s) ? Npt.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long eptClassifyLowHalfPresent() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : ept) {
            boolean pr = isPresentLowHalf(s);
            present += pr ? 1 : 0;
            mmio += Ept.isMmioSpte(s) ? 1 : 0;
            frozen += Ept.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Ept.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long eptExtractLowHalfPresent() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            gens += Ept.isMmioSpte(s) ? Ept.getMmioSpteGeneration(s) : 0;
            pfns += isPresentLowHalf(s) ? Ept.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptClassifyLowHalfPresent() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = isPresentLowHalf(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptExtractLowHalfPresent() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += Npt.isMmioSpte(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += isPresentLowHalf(s) ? Npt.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long eptClassifyIntTests() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : ept) {
            boolean pr = isPresentLowHalf(s);
            present += pr ? 1 : 0;
            mmio += eptIsMmioIntTest(s) ? 1 : 0;
            frozen += isFrozenIntTest(s) ? 1 : 0;
            tracked += pr & eptIsAccessTrackIntTest(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long eptExtractIntTests() {
        long pfns = 0;
        long gens = 0;
        for (long s : ept) {
            gens += eptIsMmioIntTest(s) ? Ept.getMmioSpteGeneration(s) : 0;
            pfns += isPresentLowHalf(s) ? Ept.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }

    @Benchmark
    public long nptClassifyIntTests() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : npt) {
            boolean pr = isPresentLowHalf(s);
            present += pr ? 1 : 0;
            mmio += nptIsMmioIntTest(s) ? 1 : 0;
            frozen += isFrozenIntTest(s) ? 1 : 0;
            tracked += pr & nptIsAccessTrackIntTest(s) ? 1 : 0;
        }
        return counted(present, mmio, frozen, tracked);
    }

    @Benchmark
    public long nptExtractIntTests() {
        long pfns = 0;
        long gens = 0;
        for (long s : npt) {
            gens += nptIsMmioIntTest(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += isPresentLowHalf(s) ? Npt.spteToPfn(s) : 0;
        }
        return summed(pfns, gens);
    }
}
