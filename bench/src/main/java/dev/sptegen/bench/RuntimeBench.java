package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.SpteProfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime workloads in three versions each: {@code Generated} (the specialized static class of the
 * profile), {@code KernelStyle} (hand-written, masks in mutable statics) and {@code Profile} (the
 * generated runtime through the {@code SpteProfile} interface). One operation is one SPTE (one input
 * for make: a leaf, a non-leaf and an MMIO SPTE are built from it).
 *
 * <p>Measurement iterations are short (50 ms, 40 per fork) so that the median over them, like the C
 * harness's median over 50 ms windows, is robust to time-slicing on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(SpteSet.N)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 40, time = 50, timeUnit = TimeUnit.MILLISECONDS)
public class RuntimeBench {
    @Param({"ept", "npt"})
    public String profile;

    private SpteSet d;
    private SpteProfile dyn;
    private boolean ept;

    @Setup(Level.Trial)
    public void setUp() {
        d = SpteSet.of(profile);
        Workloads.checked(d);
        KernelStyleSpte.init(profile);
        dyn = SpteProfile.byName(profile);
        ept = profile.equals("ept");
    }

    @Benchmark
    public long classifyGenerated() {
        return ept ? GenEptLoops.classify(d.mixed) : GenNptLoops.classify(d.mixed);
    }

    @Benchmark
    public long classifyKernelStyle() {
        return KernelLoops.classify(d.mixed);
    }

    @Benchmark
    public long classifyProfile() {
        return ProfileLoops.classify(dyn, d.mixed);
    }

    @Benchmark
    public long extractGenerated() {
        return ept ? GenEptLoops.extract(d.mixed) : GenNptLoops.extract(d.mixed);
    }

    @Benchmark
    public long extractKernelStyle() {
        return KernelLoops.extract(d.mixed);
    }

    @Benchmark
    public long extractProfile() {
        return ProfileLoops.extract(dyn, d.mixed);
    }

    @Benchmark
    public long extractPfnFirstGenerated() {
        return ept ? GenEptLoops.extractPfnFirst(d.mixed) : GenNptLoops.extractPfnFirst(d.mixed);
    }

    @Benchmark
    public long extractPfnFirstKernelStyle() {
        return KernelLoops.extractPfnFirst(d.mixed);
    }

    @Benchmark
    public long extractPfnFirstProfile() {
        return ProfileLoops.extractPfnFirst(dyn, d.mixed);
    }

    @Benchmark
    public long makeGenerated() {
        return ept ? GenEptLoops.make(d.pfn, d.gen, d.flags) : GenNptLoops.make(d.pfn, d.gen, d.flags);
    }

    @Benchmark
    public long makeKernelStyle() {
        return KernelLoops.make(d.pfn, d.gen, d.flags);
    }

    @Benchmark
    public long makeProfile() {
        return ProfileLoops.make(dyn, d.pfn, d.gen, d.flags);
    }

    @Benchmark
    public long roundTripGenerated() {
        return ept ? GenEptLoops.roundTrip(d.leaves) : GenNptLoops.roundTrip(d.leaves);
    }

    @Benchmark
    public long roundTripKernelStyle() {
        return KernelLoops.roundTrip(d.leaves);
    }

    @Benchmark
    public long roundTripProfile() {
        return ProfileLoops.roundTrip(dyn, d.leaves);
    }
}
