package dev.sptegen.tools.trace;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three kvmmmu tracepoints from ftrace text or {@code trace-cmd report} output. Only the
 * part after the event name is parsed, so any prefix (task, CPU, flags, timestamp) works.
 */
public final class TraceParser {
    private static final String HEX = "(?:0x)?([0-9a-fA-F]+)";
    private static final Pattern SET_SPTE = Pattern.compile(
            "kvm_mmu_set_spte:\\s+gfn " + HEX + " spte " + HEX + " \\([-rwxu]+\\) level (\\d+)");
    private static final Pattern CHANGED = Pattern.compile(
            "kvm_tdp_mmu_spte_changed:\\s+as id \\d+ gfn " + HEX + " level (\\d+) old_spte " + HEX + " new_spte " + HEX);
    private static final Pattern MARK_MMIO = Pattern.compile(
            "mark_mmio_spte:\\s+sptep:\\S+ gfn " + HEX + " access " + HEX + " gen " + HEX);

    private TraceParser() {
    }

    /** The event on this line, if it is one of the three tracepoints. */
    public static Optional<TraceEvent> parse(long lineNo, String line) {
        if (line.isEmpty() || line.charAt(0) == '#') {
            return Optional.empty();
        }
        Matcher m = SET_SPTE.matcher(line);
        if (m.find()) {
            return Optional.of(new TraceEvent(lineNo, line, TraceEvent.Kind.SET_SPTE, hex(m.group(1)),
                    Integer.parseInt(m.group(3)), 0, hex(m.group(2)), 0, 0));
        }
        m = CHANGED.matcher(line);
        if (m.find()) {
            return Optional.of(new TraceEvent(lineNo, line, TraceEvent.Kind.SPTE_CHANGED, hex(m.group(1)),
                    Integer.parseInt(m.group(2)), hex(m.group(3)), hex(m.group(4)), 0, 0));
        }
        m = MARK_MMIO.matcher(line);
        if (m.find()) {
            return Optional.of(new TraceEvent(lineNo, line, TraceEvent.Kind.MARK_MMIO, hex(m.group(1)), 0, 0, 0,
                    hex(m.group(2)), hex(m.group(3))));
        }
        return Optional.empty();
    }

    /** A tracepoint line this parser should have understood but could not (a changed format). */
    public static boolean mentionsTracepoint(String line) {
        for (TraceEvent.Kind k : TraceEvent.Kind.values()) {
            if (line.contains(k.tracepoint() + ":")) {
                return true;
            }
        }
        return false;
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s, 16);
    }
}
