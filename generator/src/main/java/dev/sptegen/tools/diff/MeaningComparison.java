package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for an input on which the old and the new definition of a function (or view predicate)
 * give different results. The inputs tried are the union of both sides' case spaces over the
 * union of both supports (the bits either definition reads), plus every mask and value constant of
 * both specs as the SPTE, which finds changes of equality tests (spte == REMOVED_SPTE) that random
 * sampling never would. Arguments only one side has are held at their neutral value; inputs outside
 * either side's domain or precondition are skipped.
 */
final class MeaningComparison {
    /** Fixed, so that the same specs always give the same example. */
    static final long SEED = 0x5eed_d1ffL;
    private static final CaseSpace.Budget MAIN = new CaseSpace.Budget(16, 32, SEED);
    /** For the other arguments while a seed value stands in for the SPTE. */
    private static final CaseSpace.Budget AROUND_SEEDS = new CaseSpace.Budget(6, 2, SEED);

    private final Interpreter a;
    private final Interpreter b;
    private final long[] seeds;

    MeaningComparison(Interpreter a, Interpreter b, long[] seeds) {
        this.a = a;
        this.b = b;
        this.seeds = seeds.clone();
    }

    Optional<Example> firstDifference(Subject x, Subject y) {
        return new Search(x, y).run();
    }

    private final class Search {
        private final Subject x;
        private final Subject y;
        private final ArgSlot[] slotsA;
        private final ArgSlot[] slotsB;
        private final int[] aIndexOfB;
        private final int[] bIndexOfA;
        private final String[] namesA;
        private final String[] namesB;
        private final Map<String, Long> support = new HashMap<>();
        private Example found;

        Search(Subject x, Subject y) {
            this.x = x;
            this.y = y;
            slotsA = x.args().stream().map(arg -> new ArgSlot(a, arg)).toArray(ArgSlot[]::new);
            slotsB = y.args().stream().map(arg -> new ArgSlot(b, arg)).toArray(ArgSlot[]::new);
            namesA = x.args().stream().map(arg -> arg.name()).toArray(String[]::new);
            namesB = y.args().stream().map(arg -> arg.name()).toArray(String[]::new);
            aIndexOfB = indexes(namesB, namesA);
            bIndexOfA = indexes(namesA, namesB);
            addSupport(a, x);
            addSupport(b, y);
        }

        Optional<Example> run() {
            seeded();
            if (found == null) {
                CaseSpace.of(b, y.args(), withoutAddresses(), Optional.empty(), MAIN).forEach(this::fromB);
            }
            if (found == null) {
                CaseSpace.of(b, y.args(), support, Optional.empty(), MAIN).forEach(this::fromB);
            }
            if (found == null) {
                CaseSpace.of(a, x.args(), support, Optional.empty(), MAIN).forEach(this::fromA);
            }
            return Optional.ofNullable(found);
        }

        /**
         * The support with address arguments (PFNs, GFNs) held at 0: searched first, so that an
         * example shows the flags that matter rather than a random frame number.
         */
        private Map<String, Long> withoutAddresses() {
            Map<String, Long> narrow = new HashMap<>(support);
            for (int i = 0; i < slotsB.length; i++) {
                if (y.args().get(i).domain() instanceof ArgDomain.Bits bits && bits.address()) {
                    narrow.put(namesB[i], 0L);
                }
            }
            return narrow;
        }

        /** Every seed as each SPTE-like argument, the other arguments from a small case space. */
        private void seeded() {
            for (int i = 0; i < slotsB.length && found == null; i++) {
                if (!(y.args().get(i).domain() instanceof ArgDomain.Word)) {
                    continue;
                }
                Map<String, Long> around = new HashMap<>(support);
                around.put(namesB[i], 0L);
                final int slot = i;
                CaseSpace.of(b, y.args(), around, Optional.empty(), AROUND_SEEDS).forEach(row -> {
                    long[] input = row.clone();
                    for (long seed : seeds) {
                        input[slot] = seed;
                        if (!fromB(input)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
        }

        /** Tests an input in the new side's argument order; false once a difference is found. */
        private boolean fromB(long[] inB) {
            long[] inA = new long[slotsA.length];
            for (int j = 0; j < inA.length; j++) {
                int k = bIndexOfA[j];
                inA[j] = k >= 0 ? inB[k] : slotsA[j].neutral();
            }
            for (int i = 0; i < inB.length; i++) {
                if (aIndexOfB[i] < 0 && inB[i] != slotsB[i].neutral()) {
                    return true;
                }
            }
            return test(inA, inB);
        }

        private boolean fromA(long[] inA) {
            long[] inB = new long[slotsB.length];
            for (int i = 0; i < inB.length; i++) {
                int j = aIndexOfB[i];
                inB[i] = j >= 0 ? inA[j] : slotsB[i].neutral();
            }
            for (int j = 0; j < inA.length; j++) {
                if (bIndexOfA[j] < 0 && inA[j] != slotsA[j].neutral()) {
                    return true;
                }
            }
            return test(inA, inB);
        }

        private boolean test(long[] inA, long[] inB) {
            if (!admitted(slotsA, inA) || !admitted(slotsB, inB)) {
                return true;
            }
            Frame fa = Frame.of(namesA, inA);
            Frame fb = Frame.of(namesB, inB);
            try {
                if (!holds(a, x.requires(), fa) || !holds(b, y.requires(), fb)) {
                    return true;
                }
            } catch (EvalException e) {
                return true; // outside a precondition that cannot even be evaluated
            }
            String ra = result(a, x, fa);
            String rb = result(b, y, fb);
            if (ra.equals(rb)) {
                return true;
            }
            found = new Example(call(inB), ra, rb);
            return false;
        }

        private String call(long[] inB) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < inB.length; i++) {
                parts.add(namesB[i] + "=" + slotsB[i].format(inB[i]));
            }
            return y.name() + "(" + String.join(", ", parts) + ")";
        }

        private void addSupport(Interpreter in, Subject s) {
            Support analysis = new Support(in);
            try {
                merge(analysis.of(s.body(), s.returns() == Type.BOOL ? 1L : -1L));
                s.requires().ifPresent(r -> merge(analysis.of(r, 1L)));
            } catch (EvalException e) {
                for (String n : s == x ? namesA : namesB) {
                    support.put(n, -1L); // cannot narrow: every bit may matter
                }
            }
        }

        private void merge(Map<String, Long> more) {
            more.forEach((k, v) -> support.merge(k, v, (p, q) -> p | q));
        }
    }

    private static int[] indexes(String[] of, String[] in) {
        int[] out = new int[of.length];
        for (int i = 0; i < of.length; i++) {
            out[i] = -1;
            for (int j = 0; j < in.length; j++) {
                if (in[j].equals(of[i])) {
                    out[i] = j;
                }
            }
        }
        return out;
    }

    private static boolean admitted(ArgSlot[] slots, long[] values) {
        for (int i = 0; i < slots.length; i++) {
            if (!slots[i].admits(values[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Interpreter in, Optional<Expr> condition, Frame frame) {
        return condition.isEmpty() || in.eval(condition.get(), frame) != 0;
    }

    /** The result as shown to people; errors are results too, so that a new error is a difference. */
    private static String result(Interpreter in, Subject s, Frame frame) {
        long v;
        try {
            v = in.eval(s.body(), frame);
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
        if (s.returns() == Type.BOOL) {
            return Boolean.toString(v != 0);
        }
        if (s.returnsEnum().isPresent()) {
            EnumType t = in.spec().enums().get(s.returnsEnum().get());
            if (t != null) {
                return t.nameOf(v);
            }
        }
        return Bits.hex(v);
    }
}
