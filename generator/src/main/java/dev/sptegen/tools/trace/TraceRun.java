package dev.sptegen.tools.trace;

import dev.sptegen.dsl.eval.Interpreter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;

/** Reads a whole trace through a checker; the entry point of {@code sptegen trace} and of tests. */
public final class TraceRun {
    private TraceRun() {
    }

    public static TraceSummary check(Interpreter in, InputStream input, String name, PrintWriter err, boolean terminal)
            throws TraceInputException {
        TraceChecker checker = new TraceChecker(in);
        Progress progress = new Progress(err, terminal);
        long n = 0;
        try (BufferedReader r = TraceInput.open(input, name)) {
            String line;
            while ((line = r.readLine()) != null) {
                checker.line(++n, line);
                progress.line(n);
            }
        } catch (CharacterCodingException e) {
            throw new TraceInputException(name + " is not UTF-8 text (line " + (n + 1) + ")");
        } catch (IOException e) {
            throw new TraceInputException("cannot read " + name + ": " + e.getMessage());
        } finally {
            progress.done();
        }
        TraceSummary s = checker.summary();
        if (s.totalEvents() == 0) {
            throw new TraceInputException(name + " has no kvm_mmu_set_spte, kvm_tdp_mmu_spte_changed or "
                    + "mark_mmio_spte lines");
        }
        return s;
    }
}
