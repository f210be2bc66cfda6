package dev.sptegen.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times one loop in one JVM and then holds still, so that bench/jit_modes.py can read the machine
 * code that produced the time out of the running process. Printing the code with
 * {@code -XX:CompileCommand=print} instead changes which code C2 produces (it delays the compiler
 * thread, and the branch profiles the loop is compiled from are then other counts): npt classify, when
 * its loop still took the array as an argument, got the same code in 12 of 12 JVMs with printing on, and
 * one of three codes without.
 *
 * <p>Like a RuntimeBench fork it first runs every version once (the check), then only the loop asked
 * for. Prints {@code ns/op MEDIAN} over ROUNDS rounds of 0.5 s, then {@code ready PID}, to standard
 * error (standard output is the JVM's, for -XX:+PrintCompilation), and waits until its standard input
 * closes.
 *
 * <p>usage: {@code JitProbe PROFILE generated|kernel-style classify|extract [ROUNDS]}
 */
public final class JitProbe {
    private static final long ROUND_NANOS = 500_000_000L;

    private JitProbe() {
    }

    public static void main(String[] args) throws IOException {
        SpteSet d = SpteSet.of(args[0]);
        LongSupplier loop = loop(d, args[1], args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Workloads.checked(d);
        double[] nsPerOp = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long calls = 0;
            while (System.nanoTime() - start < ROUND_NANOS) {
                sink += loop.getAsLong();
                calls++;
            }
            nsPerOp[r] = (System.nanoTime() - start) / (double) calls / SpteSet.N;
        }
        Arrays.sort(nsPerOp);
        System.err.printf("ns/op %.3f%n", nsPerOp[rounds / 2]);
        System.err.println("ready " + ProcessHandle.current().pid() + " " + (sink & 1));
        System.err.flush();
        while (System.in.read() >= 0) {
            // hold the process (and its compiled code) until the reader is done
        }
    }

    private static LongSupplier loop(SpteSet d, String version, String workload) {
        boolean classify = switch (workload) {
            case "classify" -> true;
            case "extract" -> false;
            default -> throw new IllegalArgumentException("workload must be classify or extract: " + workload);
        };
        WorkloadLoops l = switch (version) {
            case "generated" -> Workloads.generatedLoops(d);
            case "kernel-style" -> Workloads.kernelStyleLoops(d);
            default -> throw new IllegalArgumentException("version must be generated or kernel-style: " + version);
        };
        return classify ? l::classify : l::extract;
    }
}
