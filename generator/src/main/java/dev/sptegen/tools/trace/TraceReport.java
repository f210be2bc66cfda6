package dev.sptegen.tools.trace;

import dev.sptegen.tools.trace.TraceSummary.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text summary of a trace check. */
public final class TraceReport {
    /** At most this many findings of each kind are quoted; the rest are counted. */
    static final int QUOTE = 25;

    private TraceReport() {
    }

    public static void print(PrintWriter out, String what, TraceSummary s) {
        out.println("trace check: " + what);
        out.printf(Locale.ROOT, "  %d lines, %d events: %d kvm_mmu_set_spte, %d kvm_tdp_mmu_spte_changed, %d mark_mmio_spte%n",
                s.lines, s.totalEvents(), s.events(TraceEvent.Kind.SET_SPTE), s.events(TraceEvent.Kind.SPTE_CHANGED),
                s.events(TraceEvent.Kind.MARK_MMIO));
        double pct = s.values == 0 ? 100.0 : 100.0 * s.classified() / s.values;
        out.printf(Locale.ROOT, "  %d SPTE values, %d classified (%.1f%%)%n", s.values, s.classified(),
                Math.floor(pct * 10) / 10);
        for (Map.Entry<String, Long> v : s.views.entrySet()) {
            out.printf(Locale.ROOT, "    %-16s %8d   fields set: %s%n", v.getKey(), v.getValue(),
                    String.join(" ", s.fieldsSeen.getOrDefault(v.getKey(), new java.util.TreeSet<>())));
        }
        out.print("  levels:");
        s.levels.forEach((l, n) -> out.print(" " + l + "=" + n));
        out.println();
        out.printf(Locale.ROOT, "  mark_mmio_spte: %d checked against the SPTE KVM wrote, %d against the spec's make_mmio_spte%n",
                s.mmioPaired, s.mmioFromSpec);
        quote(out, "unclassified", s.unclassified);
        quote(out, "violations", s.violations);
        out.println(s.ok() ? "trace check: OK" : "trace check: FAILED (" + s.unclassified.size() + " unclassified, "
                + s.violations.size() + " violations)");
    }

    private static void quote(PrintWriter out, String what, List<Finding> findings) {
        out.println("  " + what + ": " + findings.size());
        int n = 0;
        for (Finding f : findings) {
            if (n++ == QUOTE) {
                out.println("    ... and " + (findings.size() - QUOTE) + " more");
                break;
            }
            out.println("    line " + f.line() + ": " + f.message());
            out.println("      " + f.raw().strip());
        }
    }
}
