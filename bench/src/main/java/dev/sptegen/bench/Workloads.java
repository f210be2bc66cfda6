package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.SpteProfile;
import java.util.Arrays;

/**
 * Runs every workload in every Java version once and checks that they agree, so a benchmark never
 * compares loops that compute different things. The results are also the reference the C harness
 * checks its own against.
 */
public final class Workloads {
    private Workloads() {
    }

    /**
     * classify[4], extract[2], make, roundTrip: what every version must compute on a set;
     * extractPfnFirst[2], the same sums in the other order, must equal extract.
     */
    public record Results(long[] classify, long[] extract, long[] extractPfnFirst, long make, long roundTrip) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Results r && Arrays.equals(classify, r.classify) && Arrays.equals(extract, r.extract)
                    && Arrays.equals(extractPfnFirst, r.extractPfnFirst) && make == r.make && roundTrip == r.roundTrip;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(classify) * 31 + Arrays.hashCode(extract);
        }

        @Override
        public String toString() {
            return "classify=" + Arrays.toString(classify) + " extract=" + Arrays.toString(extract)
                    + " extractPfnFirst=" + Arrays.toString(extractPfnFirst) + " make=0x" + Long.toHexString(make)
                    + " roundTrip=0x" + Long.toHexString(roundTrip);
        }
    }

    public static Results generated(SpteSet d) {
        return run(generatedLoops(d));
    }

    public static Results kernelStyle(SpteSet d) {
        return run(kernelStyleLoops(d));
    }

    /** The loops over the generated runtime of the set's profile. */
    static WorkloadLoops generatedLoops(SpteSet d) {
        return switch (d.profile) {
            case "ept" -> new GenEptLoops(d);
            case "npt" -> new GenNptLoops(d);
            default -> throw new IllegalArgumentException(d.profile);
        };
    }

    /** The loops over the kernel-style helpers, their masks first set for the set's profile. */
    static KernelLoops kernelStyleLoops(SpteSet d) {
        KernelStyleSpte.init(d.profile);
        return new KernelLoops(d);
    }

    public static Results profile(SpteSet d) {
        return run(new ProfileLoops(SpteProfile.byName(d.profile), d));
    }

    /** Runs one version's workloads in order, collecting what classify and extract leave in {@link LoopResults}. */
    private static Results run(WorkloadLoops l) {
        l.classify();
        long[] c = LoopResults.last(4);
        l.extract();
        long[] e = LoopResults.last(2);
        l.extractPfnFirst();
        long[] e2 = LoopResults.last(2);
        return new Results(c, e, e2, l.make(), l.roundTrip());
    }

    /** The generated results, after checking that the kernel-style and interface versions agree with them. */
    public static Results checked(SpteSet d) {
        Results g = generated(d);
        Results k = kernelStyle(d);
        Results p = profile(d);
        if (!g.equals(k) || !g.equals(p) || !Arrays.equals(g.extract(), g.extractPfnFirst())) {
            throw new IllegalStateException(d.profile + ": the versions disagree:\n  generated    " + g
                    + "\n  kernel-style " + k + "\n  SpteProfile  " + p);
        }
        return g;
    }

    /** Prints the data sets and their checked results: {@code java -cp benchmarks.jar dev.sptegen.bench.Workloads}. */
    public static void main(String[] args) {
        for (String profile : new String[] {"ept", "npt"}) {
            SpteSet d = SpteSet.of(profile);
            StringBuilder mix = new StringBuilder();
            for (int i = 0; i < SpteSet.KIND_NAMES.length; i++) {
                mix.append(i == 0 ? "" : ", ").append(SpteSet.KIND_NAMES[i]).append(' ').append(d.kinds[i]);
            }
            System.out.println("kvm-6.11/" + profile + ": " + mix);
            System.out.println("  all three Java versions agree: " + checked(d));
        }
    }
}
