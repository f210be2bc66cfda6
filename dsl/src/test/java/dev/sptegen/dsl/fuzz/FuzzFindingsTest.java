package dev.sptegen.dsl.fuzz;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.put;
import static dev.sptegen.dsl.api.Dsl.spte;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sptegen.dsl.TinySpec;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.check.Problem;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Specializer;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Spec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for what the spec fuzzer (generator's SpecFuzzTest, issue 7) found in the DSL: a
 * precondition over an argument the body ignores left no input to check, and comparisons whose
 * constants decide them reached the C compiler, which rejects them under -Werror.
 */
class FuzzFindingsTest {

    /** Seed 0x9ac77e965b42b0a: the call invariant of a maker whose precondition reads an ignored argument. */
    @Test
    void aPreconditionOverAnIgnoredArgumentStillLeavesInputsToCheck() {
        SpecBuilder s = TinySpec.builder();
        s.all().maker("make_const").of(bits("a", 1), bits("b", 2)).is(c("FROZEN").or(arg("b")))
                .requires(arg("a").ne(lit(0))).doc("ignores a, which its precondition reads");
        s.all().invariant("never").forEveryCall("make_const").holds(arg("result").ne(arg("result"))).doc("never holds");
        Spec spec = s.build();
        Interpreter in = new Interpreter(spec, "only");
        long[] admitted = {0};
        CaseSpace.of(in, in.layout().function("make_const"), CaseSpace.Budget.tests(1)).forEach(a -> {
            admitted[0]++;
            return true;
        });
        assertEquals(4, admitted[0], "a = 1 with every b");
        assertEquals(List.of("tiny/only: invariant never: counterexample make_const(a=0x1, b=0x0) = 0x0000000000000020 but "
                        + "result != result is false: violates \"never holds\" [call-invariant]"),
                new Validator().problems(spec).stream().map(Problem::toString).toList());
    }

    /** Seeds 0xa307cdfdd776b1c3, 0xa3ffca3375203aff, 0x95720743d6c319d2, 0x6126b100e809d943, 0x642f59f056d5f254: gcc's -Wtautological-compare and -Wtype-limits. */
    @Test
    void comparisonsTheirConstantsDecideAreFolded() {
        Spec spec = TinySpec.builder().build();
        Interpreter in = new Interpreter(spec, "only");
        Specializer sp = new Specializer(in);
        Expr[] decided = {
            SPTE.and(lit(0x40040000L)).eq(lit(0xb3)),                               // (x & M) == V, V outside M
            SPTE.or(lit(0x80)).eq(lit(0x1)),                                        // (x | M) == V, M outside V
            put("present", SPTE, SPTE).and(lit(0x7fff)).ne(c("PRESENT_MASK").or(lit(0x8000))),
            lit(0).le(SPTE), SPTE.ge(lit(0)), SPTE.lt(lit(0)), lit(0).gt(SPTE),
            SPTE.shr(3).eq(SPTE.shr(3)), SPTE.ge(SPTE), SPTE.and(lit(6)).lt(SPTE.and(lit(6))),
            get("present", SPTE).eq(lit(2)),
            put("present", SPTE.shr(11), lit(1)).eq(lit(0)),                     // the written value is known
            dev.sptegen.dsl.api.Dsl.when(SPTE.eq(lit(3)), SPTE.ne(lit(4)), SPTE.ne(lit(4))).eq(SPTE.ne(lit(4))), // same branches
        };
        for (Expr e : decided) {
            Expr folded = sp.specialize(e);
            assertEquals(Expr.BoolLit.class, folded.getClass(), () -> "not folded: " + e + " -> " + folded);
            checkSame(in, e, folded);
        }
        Expr open = SPTE.and(lit(0xff)).eq(lit(0x12));
        assertEquals(BinaryOp.EQ, ((Expr.Binary) sp.specialize(open)).op(), "an undecided comparison stays");
    }

    /** Seed 0x5553f317511ec46b: {@code (a1 != false) == a1} printed in C as {@code a1 == a1}. */
    @Test
    void flagsComparedWithLiteralsAreTheFlagOrItsNegation() {
        Interpreter in = new Interpreter(TinySpec.builder().build(), "only");
        Specializer sp = new Specializer(in);
        Expr flag = SPTE.ne(lit(0));
        Expr notFlag = flag.negated();
        assertEquals(flag, sp.specialize(flag.ne(dev.sptegen.dsl.api.Dsl.FALSE)));
        assertEquals(flag, sp.specialize(dev.sptegen.dsl.api.Dsl.TRUE.eq(flag)));
        assertEquals(notFlag, sp.specialize(flag.eq(dev.sptegen.dsl.api.Dsl.FALSE)));
        assertEquals(flag, sp.specialize(notFlag.ne(dev.sptegen.dsl.api.Dsl.TRUE)));
        Expr selfComparison = flag.ne(dev.sptegen.dsl.api.Dsl.FALSE).eq(flag);
        assertEquals(new Expr.BoolLit(true), sp.specialize(selfComparison));
        for (Expr e : List.of(flag.ne(dev.sptegen.dsl.api.Dsl.FALSE), flag.eq(dev.sptegen.dsl.api.Dsl.FALSE),
                notFlag.ne(dev.sptegen.dsl.api.Dsl.TRUE), selfComparison)) {
            checkSame(in, e, sp.specialize(e));
        }
    }

    private static void checkSame(Interpreter in, Expr original, Expr folded) {
        SplittableRandom r = new SplittableRandom(7);
        List<Arg> args = List.of(spte());
        for (int i = 0; i < 1000; i++) {
            long v = i < 64 ? 1L << i : r.nextLong();
            Frame f = Frame.of(args, v);
            assertEquals(in.eval(original, f), in.eval(folded, f), () -> original + " at " + Long.toHexString(v));
        }
    }
}
