package dev.sptegen.tools.trace;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Spec;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the trace check failing on real traces when the spec is wrong:
 * {@code java -cp <test classpath> dev.sptegen.tools.trace.WrongSpecDemo trace-npt1.txt trace-npt0.txt}.
 */
public final class WrongSpecDemo {
    private WrongSpecDemo() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        Spec np = WrongSpecs.nonPresentWithoutBit63();
        Spec gen = WrongSpecs.narrowerMmioGeneration();
        run(out, np, TraceCheckTest.npt(np), Path.of(args[0]));
        run(out, gen, TraceCheckTest.npt(gen), Path.of(args[0]));
        run(out, gen, TraceCheckTest.shadow(gen), Path.of(args[1]));
    }

    private static void run(PrintWriter out, Spec spec, Interpreter in, Path trace) throws Exception {
        try (InputStream s = Files.newInputStream(trace)) {
            TraceSummary summary = TraceRun.check(in, s, trace.toString(), out, false);
            TraceReport.print(out, spec.name() + "/" + in.profile().name() + ": " + trace, summary);
        }
    }
}
