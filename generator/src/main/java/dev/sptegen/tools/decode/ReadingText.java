package dev.sptegen.tools.decode;

import dev.sptegen.dsl.eval.Bits;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The human view of a decoded SPTE. Nothing is left out: every set bit is listed, bits no field
 * covers and reserved bits that are set are called out on lines of their own.
 */
public final class ReadingText {
    private final StringBuilder out = new StringBuilder();

    private ReadingText() {
    }

    public static String render(SpteReading r) {
        ReadingText t = new ReadingText();
        t.all(r);
        return t.out.toString();
    }

    private void all(SpteReading r) {
        line(Bits.hex16(r.value()) + "  " + r.spec() + "/" + r.profile() + " (" + r.vendor() + "), level " + r.level());
        line("  view      " + r.view().map(v -> v.name() + ": " + v.doc())
                .orElse("unclassified: no view of the spec matches this value"));
        bits(r);
        fields(r);
        r.extras().forEach(e -> line("  " + pad(e.name(), 34) + e.value()));
        invariants(r);
        hardware(r);
        line("  helpers");
        r.helpers().forEach(h -> line("    " + pad(h.name(), 32) + h.value()));
    }

    private void bits(SpteReading r) {
        line("  bits set  " + (r.value() == 0 ? "none" : Bits.list(r.value()) + " (" + Long.bitCount(r.value()) + ")"));
        for (SpteReading.SetBit b : r.bits()) {
            List<String> names = new ArrayList<>();
            for (SpteReading.Owner o : b.owners()) {
                String outside = r.viewHasFields() && !o.inView() ? ", not a field of " + r.view().get().name() : "";
                names.add(o.label() + " (" + o.role() + outside + ")");
            }
            line(String.format("    %2d  %s", b.bit(), names.isEmpty() ? "UNKNOWN: no field covers this bit"
                    : String.join("; ", names)));
        }
        line("  unknown bits (no field): " + (r.unknownBits() == 0 ? "none" : Bits.list(r.unknownBits())));
        if (r.viewHasFields()) {
            line("  bits outside the fields of " + r.view().get().name() + ": "
                    + (r.outsideView() == 0 ? "none" : Bits.list(r.outsideView())));
        }
        r.hardware().reserved().ifPresent(rsvd -> {
            long set = r.value() & rsvd;
            String where = "  reserved bits at level " + r.level() + " (" + (rsvd == 0 ? "none" : Bits.list(rsvd)) + "): ";
            if (set == 0) {
                line(where + "none set");
            } else {
                boolean present = r.hardware().facts().stream().anyMatch(f -> f.name().endsWith("present")
                        && f.value().equals("yes"));
                line(where + "SET " + Bits.list(set) + (present ? " (the hardware faults on them)"
                        : " (ignored: the entry is not present to the hardware)"));
            }
        });
    }

    private void fields(SpteReading r) {
        if (r.view().isPresent() && !r.viewHasFields()) {
            line("  fields    none: " + r.view().get().name() + " is a marker value, not a set of fields");
            return;
        }
        line(r.view().isPresent() ? "  fields of " + r.view().get().name() : "  fields that are not zero");
        for (SpteReading.FieldValue f : r.fields()) {
            line("    " + pad(f.name(), 20) + pad(f.bits(), 12) + pad(f.role(), 10) + f.value()
                    + f.meaning().map(m -> " " + m).orElse(""));
        }
    }

    private void invariants(SpteReading r) {
        if (r.view().isEmpty()) {
            return;
        }
        if (r.invariants().isEmpty()) {
            line("  invariants: none over the values of " + r.view().get().name());
            return;
        }
        line("  invariants of " + r.view().get().name());
        for (SpteReading.InvariantResult i : r.invariants()) {
            String verdict = i.error().map(e -> "ERROR ").orElse(i.holds() ? "holds " : "FAILS ");
            line("    " + verdict + pad(i.name(), 36) + i.doc() + " (" + i.scope() + ")"
                    + i.error().map(e -> ": " + e).orElse(""));
        }
    }

    private void hardware(SpteReading r) {
        SpteReading.Hardware h = r.hardware();
        line("  hardware  " + h.facts().stream().map(f -> f.name() + " " + f.value()).collect(Collectors.joining(", ")));
        for (SpteReading.NamedValue o : h.outcomes()) {
            line("    " + pad(o.name(), 12) + o.value());
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
