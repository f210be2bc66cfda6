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

    private boolean ept;
    private GenEptLoops genEpt;
    private GenNptLoops genNpt;
    private KernelLoops kernel;
    private ProfileLoops dyn;

    @Setup(Level.Trial)
    public void setUp() {
        SpteSet d = SpteSet.of(profile);
        Workloads.checked(d);
        ept = profile.equals("ept");
        genEpt = new GenEptLoops(d);
        genNpt = new GenNptLoops(d);
        kernel = Workloads.kernelStyleLoops(d);
        dyn = new ProfileLoops(SpteProfile.byName(profile), d);
    }

    @Benchmark
    public long classifyGenerated() {
        return ept ? genEpt.classify() : genNpt.classify();
    }

    @Benchmark
    public long classifyKernelStyle() {
        return kernel.classify();
    }

    @Benchmark
    public long classifyProfile() {
        return dyn.classify();
    }

    @Benchmark
    public long extractGenerated() {
        return ept ? genEpt.extract() : genNpt.extract();
    }

    @Benchmark
    public long extractKernelStyle() {
        return kernel.extract();
    }

    @Benchmark
    public long extractProfile() {
        return dyn.extract();
    }

    @Benchmark
    public long extractPfnFirstGenerated() {
        return ept ? genEpt.extractPfnFirst() : genNpt.extractPfnFirst();
    }

    @Benchmark
    public long extractPfnFirstKernelStyle() {
        return kernel.extractPfnFirst();
    }

    @Benchmark
    public long extractPfnFirstProfile() {
        return dyn.extractPfnFirst();
    }

    @Benchmark
    public long makeGenerated() {
        return ept ? genEpt.make() : genNpt.make();
    }

    @Benchmark
    public long makeKernelStyle() {
        return kernel.make();
    }

    @Benchmark
    public long makeProfile() {
        return dyn.make();
    }

    @Benchmark
    public long roundTripGenerated() {
        return ept ? genEpt.roundTrip() : genNpt.roundTrip();
    }

    @Benchmark
    public long roundTripKernelStyle() {
        return kernel.roundTrip();
    }

    @Benchmark
    public long roundTripProfile() {
        return dyn.roundTrip();
    }
}
