package dev.sptegen.bench;

/**
 * Runs the workloads of a profile in a loop so C2 compiles them, for looking at the machine code
 * ({@code -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,dev.sptegen.bench.GenEptLoops::classify};
 * without hsdis the JVM prints the code bytes, which bench/disasm.py decodes with objdump). Like a
 * RuntimeBench fork, it first runs every version once (the check), then only the version asked for,
 * so the branch profiles C2 compiles from are those of the benchmark.
 *
 * <p>usage: {@code Hot PROFILE [ROUNDS [generated|kernel-style|profile|all]]}
 */
public final class Hot {
    private Hot() {
    }

    public static void main(String[] args) {
        String profile = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String version = args.length > 2 ? args[2] : "all";
        SpteSet d = SpteSet.of(profile);
        Workloads.checked(d);
        long h = 0;
        for (int i = 0; i < rounds; i++) {
            if (version.equals("all") || version.equals("generated")) {
                h += Workloads.generated(d).hashCode();
            }
            if (version.equals("all") || version.equals("kernel-style")) {
                h += Workloads.kernelStyle(d).hashCode();
            }
            if (version.equals("all") || version.equals("profile")) {
                h += Workloads.profile(d).hashCode();
            }
        }
        System.out.println(h);
    }
}
