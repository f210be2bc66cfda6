package dev.sptegen.dsl.conformance;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The checks the generated conformance suites run: each compares generated code with the
 * interpreter, or checks an invariant with generated code, over the inputs {@link CaseSpace}
 * chooses. A failure is an {@link AssertionError} naming the inputs, both results and the seed.
 */
public final class Conformance {
    private Conformance() {
    }

    /**
     * The generated method equals the interpreter on every input of the function's case space.
     *
     * @param expectedCases the case count the generator saw; a different count means the suite is stale
     * @return the number of inputs checked
     */
    public static long sameAsInterpreter(Oracle oracle, String function, long seed, long expectedCases, RuntimeCall generated) {
        Interpreter in = oracle.interpreter();
        Function f = in.layout().function(function);
        CaseSpace cases = CaseSpace.of(in, f, CaseSpace.Budget.tests(seed));
        if (cases.size() != expectedCases) {
            throw new AssertionError(oracle + " " + function + ": the suite expects " + expectedCases
                    + " cases but the spec now has " + cases.size() + "; regenerate the suite");
        }
        long[] n = {0};
        cases.forEach(args -> {
            n[0]++;
            long expected = in.call(function, args);
            long actual = generated.apply(args);
            if (expected != actual) {
                throw new AssertionError(oracle + " " + call(f, args) + ": generated " + Bits.hex(actual)
                        + ", interpreter " + Bits.hex(expected) + " (seed " + Bits.hex(seed) + ")");
            }
            return true;
        });
        return n[0];
    }

    /**
     * Bits outside the function's support do not change the generated result: each input is tried
     * again with those bits filled at random.
     */
    public static long ignoresOtherBits(Oracle oracle, String function, long seed, RuntimeCall generated) {
        Interpreter in = oracle.interpreter();
        Function f = in.layout().function(function);
        Map<String, Long> support = Support.forProfile(in).of(f);
        SplittableRandom random = new SplittableRandom(seed);
        long[] n = {0};
        CaseSpace.of(in, f, new CaseSpace.Budget(12, 16, seed)).forEach(args -> {
            long[] filled = args.clone();
            for (int i = 0; i < args.length; i++) {
                Arg a = f.args().get(i);
                filled[i] |= random.nextLong() & CaseSpace.wordBits(in, a.domain()) & ~support.getOrDefault(a.name(), 0L);
            }
            if (!in.admits(function, filled)) {
                return true;
            }
            n[0]++;
            long plain = generated.apply(args);
            long noisy = generated.apply(filled);
            if (plain != noisy) {
                throw new AssertionError(oracle + " " + function + ": bits outside its support changed the result: "
                        + call(f, args) + " = " + Bits.hex(plain) + " but " + call(f, filled) + " = " + Bits.hex(noisy)
                        + " (seed " + Bits.hex(seed) + ")");
            }
            return true;
        });
        return n[0];
    }

    /** Reading a field back after writing it gives the value written, and writing touches only the field. */
    public static long fieldRoundTrip(Oracle oracle, String field, long seed, RuntimeCall get, RuntimeCall with) {
        Interpreter in = oracle.interpreter();
        var bits = in.field(field);
        long widthMask = bits.width() >= 64 ? -1L : (1L << bits.width()) - 1;
        SplittableRandom random = new SplittableRandom(seed);
        long count = bits.width() <= 20 ? 1L << bits.width() : 1 << 16;
        for (long i = 0; i < count; i++) {
            long value = bits.width() <= 20 ? i : i < 64 ? (1L << i) & widthMask : random.nextLong() & widthMask;
            long word = random.nextLong();
            long written = with.apply(new long[] {word, value});
            if (get.apply(new long[] {written}) != value || (written & ~bits.mask()) != (word & ~bits.mask())
                    || written != bits.put(word, value)) {
                throw new AssertionError(oracle + " field " + field + " " + bits.parts() + ": writing " + Bits.hex(value)
                        + " into " + Bits.hex16(word) + " gave " + Bits.hex16(written) + ", read back "
                        + Bits.hex(get.apply(new long[] {written})) + " (seed " + Bits.hex(seed) + ")");
            }
        }
        return count;
    }

    /**
     * An invariant, computed with generated code, holds over its scope: every value of a view (within
     * the test budget), every value the view's makers produce, or every call of a function.
     *
     * @param makers generated makers by kernel name, for the scopes that need them
     */
    public static long invariant(Oracle oracle, String name, long seed, Map<String, RuntimeCall> makers,
                                 RuntimeCondition condition) {
        Interpreter in = oracle.interpreter();
        Invariant inv = in.layout().invariants().get(name);
        CaseSpace.Budget budget = CaseSpace.Budget.tests(seed);
        long[] n = {0};
        if (inv.scope() instanceof Scope.EveryValue ev) {
            View view = in.layout().view(ev.view());
            String[] names = Frame.names(View.args());
            CaseSpace.ofView(in, view, inv.claim().asCondition(), budget).forEach(a -> {
                if (in.test(view.predicate(), Frame.shared(names, a))) {
                    n[0]++;
                    if (!condition.test(a)) {
                        fail(oracle, inv, "spte=" + Bits.hex16(a[0]) + " level=" + a[1], seed);
                    }
                }
                return true;
            });
        } else if (inv.scope() instanceof Scope.EveryProduced ep) {
            View view = in.layout().view(ep.view());
            for (String maker : view.producers()) {
                Function f = in.layout().function(maker);
                int levelArg = f.argIndex(View.LEVEL);
                RuntimeCall make = makers.get(maker);
                CaseSpace.of(in, f, budget).forEach(a -> {
                    long spte = make.apply(a);
                    for (long level = view.levels().min(); level <= view.levels().max(); level++) {
                        long lvl = levelArg >= 0 ? a[levelArg] : level;
                        n[0]++;
                        if (!condition.test(new long[] {spte, lvl})) {
                            fail(oracle, inv, call(f, a) + " = " + Bits.hex16(spte) + " at level " + lvl, seed);
                        }
                        if (levelArg >= 0) {
                            break;
                        }
                    }
                    return true;
                });
            }
        } else if (inv.scope() instanceof Scope.EveryCall ec) {
            Function f = in.layout().function(ec.function());
            RuntimeCall make = makers.get(f.name());
            CaseSpace.of(in, f, budget).forEach(a -> {
                long[] withResult = Arrays.copyOf(a, a.length + 1);
                withResult[a.length] = make.apply(a);
                n[0]++;
                if (!condition.test(withResult)) {
                    fail(oracle, inv, call(f, a) + " = " + Bits.hex16(withResult[a.length]), seed);
                }
                return true;
            });
        } else {
            n[0]++;
            if (!condition.test(new long[0])) {
                fail(oracle, inv, "the constants", seed);
            }
        }
        return n[0];
    }

    private static void fail(Oracle oracle, Invariant inv, String where, long seed) {
        throw new AssertionError(oracle + " invariant " + inv.name() + " (\"" + inv.doc() + "\") fails for " + where
                + " (seed " + Bits.hex(seed) + ")");
    }


    /** {@code make_mmio_spte(gfn=0x1, access=0x6, gen=0x0)}. */
    static String call(Function f, long[] args) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            parts.add(f.args().get(k).name() + "=" + Bits.hex(args[k]));
        }
        return f.name() + "(" + String.join(", ", parts) + ")";
    }
}
