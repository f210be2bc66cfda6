package dev.sptegen.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.ElementExprs;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.kvm.KvmSpecs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Flips bits of the literals of every bundled spec, one mutant at a time, and shows that each mutant
 * fails validation or differs from the golden file (so {@link GoldenSpecTest} fails). A derived spec
 * is mutated where it differs from its parent; the base spec everywhere. A mutant that computes the
 * same values as the original (a constant with the same value; a function with the same result on its
 * whole conformance input space, such as {@code access & 9} for {@code access & 1} when access never
 * has bit 3) is equivalent and not counted as a survivor. By default every literal gets one bit
 * flipped, chosen by a seeded draw among its lowest bit, the bit above its highest set bit and a random
 * bit; {@code -Dmutation.full=true} flips bits 0-5, two random bits and the bit above, and
 * {@code -Dmutation.allBits=true} all 64.
 */
class SpecMutationTest {
    private static final long SEED = 0xB17F11BL;
    private static final CaseSpace.Budget EQUIVALENCE = new CaseSpace.Budget(16, 8, SEED);

    @TestFactory
    Stream<DynamicTest> everyMutantIsCaught() {
        return KvmSpecs.all().stream().map(spec -> DynamicTest.dynamicTest(
                spec.name() + " (seed " + Long.toHexString(SEED) + ")", () -> assertAllCaught(spec)));
    }

    private static void assertAllCaught(Spec spec) throws Exception {
        Set<String> golden = new HashSet<>(GoldenSpecTest.golden(spec));
        Spec parent = spec.parent().flatMap(KvmSpecs::byName).orElse(null);
        List<String> survivors = new ArrayList<>();
        int mutants = 0;
        int equivalent = 0;
        Set<String> done = new HashSet<>();
        for (Layout layout : spec.layouts().values()) {
            for (Element e : layout.elements()) {
                if (parent != null && parent.layouts().containsKey(layout.vendor())
                        && e.equals(parent.layout(layout.vendor()).element(e.name()).orElse(null))) {
                    continue; // inherited unchanged: mutated with the parent
                }
                List<Vendor> sharing = sharing(spec, e);
                if (!done.add(e.name() + "@" + sharing)) {
                    continue;
                }
                int literals = countLiterals(e);
                for (int k = 0; k < literals; k++) {
                    for (long flip : flips(literalAt(e, k), e.name().hashCode() * 31L + k)) {
                        mutants++;
                        Spec mutant = replace(spec, sharing, mutate(e, k, flip));
                        if (firstLineDiffers(mutant, sharing, golden, e.name())) {
                            continue;
                        }
                        if (equivalent(spec, mutant, sharing, e)) {
                            equivalent++;
                        } else if (!caught(mutant, sharing, golden, e.name())) {
                            survivors.add(e.elementKind() + " " + e.name() + " literal #" + k + " ^ 0x"
                                    + Long.toHexString(flip));
                        }
                    }
                }
            }
        }
        System.out.printf("%s: %d mutants, %d equivalent (same values as the original), %d survived%n",
                spec.name(), mutants, equivalent, survivors.size());
        assertEquals(List.of(), survivors, spec.name() + ": " + survivors.size() + " of " + mutants + " mutants survived");
    }

    private static boolean caught(Spec mutant, List<Vendor> vendors, Set<String> golden, String first) {
        for (Profile p : mutant.profiles().values()) {
            if (vendors.contains(p.vendor())
                    && Fingerprint.lines(mutant, p, first).anyMatch(line -> !golden.contains(line))) {
                return true;
            }
        }
        return !new Validator().problems(mutant).isEmpty();
    }

    /** The cheap check first: the mutated element's own line in each profile. */
    private static boolean firstLineDiffers(Spec mutant, List<Vendor> vendors, Set<String> golden, String name) {
        for (Profile p : mutant.profiles().values()) {
            if (vendors.contains(p.vendor()) && !golden.contains(Fingerprint.lines(mutant, p, name).findFirst().orElseThrow())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the mutant computes what the original computes: a constant with the same value, or a
     * function with the same result on every input of the original's and the mutant's case spaces.
     */
    private static boolean equivalent(Spec spec, Spec mutant, List<Vendor> vendors, Element e) {
        if (e instanceof dev.sptegen.dsl.model.Constant) {
            return true; // its line, the value, was the same in every profile
        }
        if (!(e instanceof dev.sptegen.dsl.model.Function)) {
            return false;
        }
        for (Profile p : spec.profiles().values()) {
            if (!vendors.contains(p.vendor())) {
                continue;
            }
            Interpreter original = new Interpreter(spec, p);
            Interpreter changed = new Interpreter(mutant, p);
            for (Interpreter space : List.of(original, changed)) {
                boolean same = CaseSpace.of(space, space.layout().function(e.name()), EQUIVALENCE).forEach(args ->
                        Objects.equals(result(original, e.name(), args), result(changed, e.name(), args)));
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object result(Interpreter in, String f, long[] args) {
        try {
            return in.admits(f, args) ? in.call(f, args) : "outside the domain";
        } catch (EvalException e) {
            return e.getMessage();
        }
    }

    /** The vendors whose layout holds exactly this element record: one source declaration. */
    private static List<Vendor> sharing(Spec spec, Element e) {
        List<Vendor> out = new ArrayList<>();
        for (Layout l : spec.layouts().values()) {
            if (e.equals(l.element(e.name()).orElse(null))) {
                out.add(l.vendor());
            }
        }
        return out;
    }

    private static Spec replace(Spec spec, List<Vendor> vendors, Element mutated) {
        Map<Vendor, Layout> layouts = new LinkedHashMap<>(spec.layouts());
        for (Vendor v : vendors) {
            Layout l = layouts.get(v);
            Map<String, Element> elements = new LinkedHashMap<>();
            l.elements().forEach(x -> elements.put(x.name(), x.name().equals(mutated.name()) ? mutated : x));
            layouts.put(v, relayout(v, elements));
        }
        return new Spec(spec.name(), spec.kernel(), spec.summary(), spec.parent(), spec.parameters(), spec.enums(),
                layouts, spec.profiles());
    }

    private static Layout relayout(Vendor v, Map<String, Element> elements) {
        Map<String, dev.sptegen.dsl.model.Field> f = new LinkedHashMap<>();
        Map<String, dev.sptegen.dsl.model.Constant> c = new LinkedHashMap<>();
        Map<String, dev.sptegen.dsl.model.Function> fn = new LinkedHashMap<>();
        Map<String, dev.sptegen.dsl.model.View> vw = new LinkedHashMap<>();
        Map<String, dev.sptegen.dsl.model.Invariant> inv = new LinkedHashMap<>();
        for (Element e : elements.values()) {
            if (e instanceof dev.sptegen.dsl.model.Field x) {
                f.put(x.name(), x);
            } else if (e instanceof dev.sptegen.dsl.model.Constant x) {
                c.put(x.name(), x);
            } else if (e instanceof dev.sptegen.dsl.model.Function x) {
                fn.put(x.name(), x);
            } else if (e instanceof dev.sptegen.dsl.model.View x) {
                vw.put(x.name(), x);
            } else if (e instanceof dev.sptegen.dsl.model.Invariant x) {
                inv.put(x.name(), x);
            }
        }
        return new Layout(v, f, c, fn, vw, inv);
    }

    /** Bits to flip in a literal. */
    private static long[] flips(long value, long seed) {
        if (Boolean.getBoolean("mutation.allBits")) {
            long[] all = new long[64];
            for (int i = 0; i < 64; i++) {
                all[i] = 1L << i;
            }
            return all;
        }
        SplittableRandom r = new SplittableRandom(SEED ^ seed);
        int above = Math.min(63, 64 - Long.numberOfLeadingZeros(value));
        if (Boolean.getBoolean("mutation.full")) {
            return new long[] {1, 2, 4, 8, 16, 32, 1L << above, 1L << (6 + r.nextInt(58)), 1L << (6 + r.nextInt(58))};
        }
        long[] one = {1, 1L << above, 1L << r.nextInt(64)};
        return new long[] {one[r.nextInt(one.length)]};
    }

    private static int countLiterals(Element e) {
        int[] n = {0};
        ElementExprs.map(e, x -> new LiteralMutator(-1, 0, n).transform(x));
        return n[0];
    }

    private static long literalAt(Element e, int k) {
        long[] found = {0};
        int[] n = {0};
        ElementExprs.map(e, x -> new ExprTransformer() {
            @Override
            public Expr lit(Expr.Lit l) {
                if (n[0]++ == k) {
                    found[0] = l.value();
                }
                return l;
            }
        }.transform(x));
        return found[0];
    }

    private static Element mutate(Element e, int k, long flip) {
        int[] n = {0};
        return ElementExprs.map(e, x -> new LiteralMutator(k, flip, n).transform(x));
    }

    /** Replaces the k-th literal (in a fixed traversal order) by itself xor flip; counts literals as it goes. */
    private static final class LiteralMutator extends ExprTransformer {
        private final int target;
        private final long flip;
        private final int[] counter;

        LiteralMutator(int target, long flip, int[] counter) {
            this.target = target;
            this.flip = flip;
            this.counter = counter;
        }

        @Override
        public Expr lit(Expr.Lit e) {
            return counter[0]++ == target ? new Expr.Lit(e.value() ^ flip) : e;
        }
    }
}
