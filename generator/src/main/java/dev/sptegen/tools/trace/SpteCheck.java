package dev.sptegen.tools.trace;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Decoder;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the spec says about one SPTE value at one level: its view, the fields of that view it sets,
 * and which of the view's value invariants it breaks. Results are cached: a trace repeats values.
 */
final class SpteCheck {
    /** The verdict on one value. */
    record Result(Optional<View> view, Set<String> fieldsSet, List<String> problems) {
    }

    private final Interpreter in;
    private final Decoder decoder;
    private final Map<Long, Result[]> cache = new HashMap<>();

    SpteCheck(Interpreter in) {
        this.in = in;
        this.decoder = new Decoder(in);
    }

    Result check(long spte, int level) {
        Result[] byLevel = cache.computeIfAbsent(spte, k -> new Result[6]);
        int l = Math.max(1, Math.min(5, level));
        if (byLevel[l] == null) {
            byLevel[l] = compute(spte, l);
        }
        return byLevel[l];
    }

    private Result compute(long spte, int level) {
        Optional<View> view = decoder.view(spte, level);
        if (view.isEmpty()) {
            return new Result(view, Set.of(), List.of("no view of the spec classifies " + Bits.hex16(spte)
                    + " at level " + level));
        }
        View v = view.get();
        Set<String> set = new LinkedHashSet<>();
        for (String f : v.fields()) {
            if (in.field(f).get(spte) != 0) {
                set.add(f);
            }
        }
        List<String> problems = new ArrayList<>();
        Frame frame = Frame.of(View.args(), spte, level);
        for (Invariant inv : in.layout().invariants().values()) {
            if (covers(inv.scope(), v.name()) && !in.test(inv.claim().asCondition(), frame)) {
                problems.add(v.name() + " SPTE " + Bits.hex16(spte) + " at level " + level + " breaks invariant "
                        + inv.name() + ": " + inv.doc());
            }
        }
        pfn(spte, v, problems);
        return new Result(view, set, problems);
    }

    /** The PFN field and spte_to_pfn agree, and the PFN fits the host's physical address width. */
    private void pfn(long spte, View v, List<String> problems) {
        if (!v.fields().contains("pfn") || v.producers().contains("make_mmio_spte")
                || !in.layout().functions().containsKey("spte_to_pfn")) {
            return;
        }
        long pfn = in.call("spte_to_pfn", spte);
        long field = in.field("pfn").get(spte) & (in.constant("SPTE_BASE_ADDR_MASK") >>> 12);
        if (pfn != field) {
            problems.add(v.name() + " SPTE " + Bits.hex16(spte) + ": spte_to_pfn gives " + Bits.hex(pfn)
                    + " but the pfn field holds " + Bits.hex(field));
        }
        long width = in.constant("x86_phys_bits") - 12;
        if (width < 64 && pfn >>> width != 0) {
            problems.add(v.name() + " SPTE " + Bits.hex16(spte) + ": PFN " + Bits.hex(pfn)
                    + " is beyond the host's physical address width (" + (width + 12) + " bits)");
        }
    }

    private static boolean covers(Scope s, String view) {
        return s instanceof Scope.EveryValue ev && ev.view().equals(view)
                || s instanceof Scope.EveryProduced ep && ep.view().equals(view);
    }
}
