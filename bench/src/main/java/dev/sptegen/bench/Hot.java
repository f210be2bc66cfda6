package dev.sptegen.bench;

/**
 * Runs every workload of a profile in a loop so C2 compiles it, for looking at the machine code
 * ({@code -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,dev.sptegen.bench.GenEptLoops::classify};
 * without hsdis the JVM prints the code bytes, which bench/disasm.py decodes with objdump).
 *
 * <p>usage: {@code Hot PROFILE [ROUNDS]}
 */
public final class Hot {
    private Hot() {
    }

    public static void main(String[] args) {
        String profile = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        SpteSet d = SpteSet.of(profile);
        long h = 0;
        for (int i = 0; i < rounds; i++) {
            h += Workloads.generated(d).hashCode();
            h += Workloads.kernelStyle(d).hashCode();
            h += Workloads.profile(d).hashCode();
        }
        System.out.println(h);
    }
}
