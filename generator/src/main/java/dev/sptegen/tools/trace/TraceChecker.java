package dev.sptegen.tools.trace;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.View;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks the SPTEs of a kvmmmu trace against one profile of a spec. Every value an event prints
 * (kvm_mmu_set_spte's SPTE, both values of kvm_tdp_mmu_spte_changed) must fall in a view and keep
 * that view's value invariants; every mark_mmio_spte must agree with the MMIO SPTE it announces:
 * the generation and GFN the spec decodes from the value KVM wrote (the preceding
 * kvm_tdp_mmu_spte_changed of the same GFN), or, where KVM prints no value (shadow MMU), the value
 * the spec's make_mmio_spte builds from the printed GFN, access and generation.
 */
public final class TraceChecker {
    /** A mark_mmio_spte pairs with a value changed at most this many events earlier. */
    private static final long PAIR_WINDOW = 8;

    private final Interpreter in;
    private final SpteCheck check;
    private final String mmioView;
    private final TraceSummary summary = new TraceSummary();
    /** The last MMIO value written per GFN (from kvm_tdp_mmu_spte_changed) and its event index. */
    private final Map<Long, long[]> lastMmio = new HashMap<>();
    private long eventIndex;

    public TraceChecker(Interpreter in) {
        this.in = in;
        this.check = new SpteCheck(in);
        this.mmioView = in.layout().views().values().stream().filter(v -> v.producers().contains("make_mmio_spte"))
                .map(View::name).findFirst().orElse("mmio");
    }

    /** Feeds one line of the trace. */
    public void line(long lineNo, String line) {
        summary.lines++;
        Optional<TraceEvent> e = TraceParser.parse(lineNo, line);
        if (e.isEmpty()) {
            if (TraceParser.mentionsTracepoint(line)) {
                summary.unparsed++;
                summary.violations.add(new TraceSummary.Finding(lineNo, line, "cannot read this tracepoint line"));
            }
            return;
        }
        eventIndex++;
        TraceEvent ev = e.get();
        summary.events.merge(ev.kind(), 1L, Long::sum);
        switch (ev.kind()) {
            case SET_SPTE -> value(ev, ev.spte(), ev.level(), "spte");
            case SPTE_CHANGED -> {
                value(ev, ev.oldSpte(), ev.level(), "old_spte");
                Optional<View> v = value(ev, ev.spte(), ev.level(), "new_spte");
                if (v.isPresent() && v.get().name().equals(mmioView)) {
                    lastMmio.put(ev.gfn(), new long[] {ev.spte(), eventIndex});
                }
            }
            case MARK_MMIO -> markMmio(ev);
        }
    }

    public TraceSummary summary() {
        return summary;
    }

    private Optional<View> value(TraceEvent ev, long spte, int level, String which) {
        summary.values++;
        summary.levels.merge(level, 1L, Long::sum);
        SpteCheck.Result r = check.check(spte, level);
        if (r.view().isEmpty()) {
            summary.unclassified.add(new TraceSummary.Finding(ev.line(), ev.raw(), which + ": " + r.problems().get(0)));
            return r.view();
        }
        String name = r.view().get().name();
        summary.views.merge(name, 1L, Long::sum);
        summary.fieldsSeen.computeIfAbsent(name, k -> new TreeSet<>()).addAll(r.fieldsSet());
        for (String p : r.problems()) {
            summary.violations.add(new TraceSummary.Finding(ev.line(), ev.raw(), which + ": " + p));
        }
        return r.view();
    }

    private void markMmio(TraceEvent ev) {
        long[] paired = lastMmio.remove(ev.gfn());
        long accAll = in.constant("ACC_ALL");
        long spte;
        if (paired != null && eventIndex - paired[1] <= PAIR_WINDOW) {
            summary.mmioPaired++;
            spte = paired[0];
        } else {
            summary.mmioFromSpec++;
            long genMask = in.constant("MMIO_SPTE_GEN_MASK");
            if ((ev.gen() & ~genMask) != 0) {
                violation(ev, "generation " + Bits.hex(ev.gen()) + " does not fit the spec's "
                        + Long.bitCount(genMask) + "-bit MMIO generation (MMIO_SPTE_GEN_MASK " + Bits.hex(genMask) + ")");
                return;
            }
            if (!in.admits("make_mmio_spte", ev.gfn(), ev.access(), ev.gen())) {
                violation(ev, "the spec cannot make an MMIO SPTE in this profile (MMIO caching off?)");
                return;
            }
            spte = in.call("make_mmio_spte", ev.gfn(), ev.access(), ev.gen());
            Optional<View> v = value(ev, spte, 1, "make_mmio_spte(gfn, access, gen)");
            if (v.isEmpty()) {
                return;
            }
            if (!v.get().name().equals(mmioView)) {
                violation(ev, "the spec's make_mmio_spte gives " + Bits.hex16(spte) + ", which it reads as "
                        + v.get().name() + ", not " + mmioView);
            }
        }
        long gen = in.call("get_mmio_spte_generation", spte);
        if (gen != ev.gen()) {
            violation(ev, "MMIO SPTE " + Bits.hex16(spte) + " holds generation " + Bits.hex(gen)
                    + " by the spec, but KVM printed gen " + Bits.hex(ev.gen()));
        }
        long gfn = in.call("get_mmio_spte_gfn", spte);
        if (gfn != ev.gfn()) {
            violation(ev, "MMIO SPTE " + Bits.hex16(spte) + " holds GFN " + Bits.hex(gfn) + " by the spec, but KVM printed gfn "
                    + Bits.hex(ev.gfn()));
        }
        if ((spte & accAll) != ev.access()) {
            violation(ev, "MMIO SPTE " + Bits.hex16(spte) + " has access bits " + Bits.hex(spte & accAll)
                    + ", but KVM printed access " + Bits.hex(ev.access()));
        }
    }

    private void violation(TraceEvent ev, String message) {
        summary.violations.add(new TraceSummary.Finding(ev.line(), ev.raw(), message));
    }
}
