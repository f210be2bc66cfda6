package dev.sptegen.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link Support#possibleBitsThroughCalls} covers every value an expression takes, and is tight where masks decide. */
class PossibleBitsTest {

    private static Interpreter npt() {
        return new Interpreter(KvmSpecs.byName("kvm-6.11").orElseThrow(), "npt");
    }

    private static Expr body(Interpreter in, String function) {
        return new Specializer(in).body(in.layout().function(function));
    }

    @Test
    void masksAndShiftsBoundTheWord() {
        Interpreter in = npt();
        Support bits = Support.forProfile(in);
        // spte_to_pfn: (spte & SPTE_BASE_ADDR_MASK) >> PAGE_SHIFT keeps bits 0..39.
        assertEquals(0xFF_FFFF_FFFFL, bits.possibleBitsThroughCalls(body(in, "spte_to_pfn")));
        // get_mmio_spte_generation: bits 3..10 down to 0..7, bits 52..62 down to 8..18.
        assertEquals(0x7FFFFL, bits.possibleBitsThroughCalls(body(in, "get_mmio_spte_generation")));
        // A predicate is 0 or 1; an argument alone is any word.
        assertEquals(1L, bits.possibleBitsThroughCalls(body(in, "is_mmio_spte")));
        assertEquals(-1L, bits.possibleBitsThroughCalls(new Expr.ArgRef("spte")));
        // (spte & 3) + (spte & 3) carries into bit 2 at most.
        Expr low = new Expr.Binary(BinaryOp.AND, new Expr.ArgRef("spte"), new Expr.Lit(3));
        assertEquals(7L, bits.possibleBitsThroughCalls(new Expr.Binary(BinaryOp.ADD, low, low)));
        // Shifting by an argument keeps no bit above the highest one.
        assertEquals(3L, bits.possibleBitsThroughCalls(new Expr.Binary(BinaryOp.SHR, low, new Expr.ArgRef("spte"))));
    }

    /**
     * Every sub-expression of every function body, folded for its profile, takes only values within its
     * possible bits: on the function's conformance cases and on arguments that ignore their domains.
     */
    @TestFactory
    Stream<DynamicTest> everyValueIsCovered() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Spec spec : KvmSpecs.all()) {
            for (Profile p : spec.profiles().values()) {
                Interpreter in = new Interpreter(spec, p);
                Support bits = Support.forProfile(in);
                for (Function f : in.layout().functions().values()) {
                    tests.add(DynamicTest.dynamicTest(spec.name() + "/" + p.name() + " " + f.name(), () -> {
                        List<Expr> subs = new ArrayList<>();
                        new ExprWalker() {
                            @Override
                            protected void visit(Expr x) {
                                subs.add(x);
                            }
                        }.walk(new Specializer(in).body(f));
                        long[] possible = subs.stream().mapToLong(bits::possibleBitsThroughCalls).toArray();
                        int[] checked = {0};
                        Consumer<long[]> check = args -> {
                            Frame frame = Frame.of(f.args(), args);
                            for (int i = 0; i < subs.size(); i++) {
                                long v;
                                try {
                                    v = in.eval(subs.get(i), frame);
                                } catch (EvalException outsideItsDomain) {
                                    continue;
                                }
                                checked[0]++;
                                Expr sub = subs.get(i);
                                long mask = possible[i];
                                assertEquals(0, v & ~mask, () -> f.name() + ": " + ExprPrinter.print(sub)
                                        + " sets bits outside " + Bits.hex(mask));
                            }
                        };
                        CaseSpace.of(in, f, new CaseSpace.Budget(10, 4, 7)).forEach(args -> {
                            check.accept(args);
                            return true;
                        });
                        SplittableRandom r = new SplittableRandom(f.name().hashCode());
                        for (int n = 0; n < 200; n++) {
                            long[] args = new long[f.args().size()];
                            for (int a = 0; a < args.length; a++) {
                                args[a] = r.nextLong();
                            }
                            check.accept(args);
                        }
                        assertTrue(checked[0] > 0, f.name());
                    }));
                }
            }
        }
        return tests.stream();
    }
}
