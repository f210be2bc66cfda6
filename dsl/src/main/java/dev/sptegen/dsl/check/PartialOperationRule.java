package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Function;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shift whose amount, or a GENMASK whose ends, depend on a function's arguments has no value for the
 * arguments that take them outside 0..63; generated Java would shift by the amount modulo 64 and C is
 * undefined there. Every function with such an operation in its body is called over its case space
 * within a budget wider than the invariants', and the first input without a value is reported with
 * the call. A fixed amount outside the word is {@link EvaluationRule}'s where it stays in the specialized
 * code, and this rule's where specialization folds it away but the interpreter still evaluates it.
 */
final class PartialOperationRule {
    private PartialOperationRule() {
    }

    static void check(Interpreter in, Problems problems, CaseSpace.Budget budget) {
        Support support = Support.forProfile(in);
        for (Function f : in.layout().functions().values()) {
            // The body as the interpreter runs it: specialization may fold a shift away (x >> 70 & 0)
            // that the interpreter still evaluates.
            List<Expr> amounts = amountsThatMayLeaveTheWord(in, f.body(), support);
            if (amounts.isEmpty()) {
                continue;
            }
            CaseSpace.of(in, f.args(), inputs(f, amounts, support), f.requires(), wider(budget)).forEach(a -> {
                try {
                    in.call(f.name(), a);
                    return true;
                } catch (EvalException e) {
                    problems.add(f, "evaluation", DynamicInvariantRule.call(f, a) + ": " + e.getMessage());
                    return false;
                }
            });
        }
    }

    /**
     * The argument bits to vary: those the result depends on, those the precondition reads, and every bit
     * of the arguments an amount reads. The result may not depend on an amount at all (a shifted value
     * masked away), yet the amount must still lie in the word.
     */
    private static Map<String, Long> inputs(Function f, List<Expr> amounts, Support support) {
        Map<String, Long> bits = new HashMap<>(support.of(f));
        f.requires().ifPresent(r -> support.of(r, 1L).forEach((name, b) -> bits.merge(name, b, (x, y) -> x | y)));
        for (Expr amount : amounts) {
            new ExprWalker() {
                @Override
                protected void visit(Expr e) {
                    if (e instanceof Expr.ArgRef a) {
                        bits.put(a.name(), -1L);
                    }
                }
            }.walk(amount);
        }
        return bits;
    }

    /**
     * More cases than the invariants get: the inputs that leave the word can be few (an amount read
     * from a wide argument), and only the functions with such an operation pay for them.
     */
    private static CaseSpace.Budget wider(CaseSpace.Budget budget) {
        return new CaseSpace.Budget(Math.max(budget.exhaustiveBits(), 16), Math.max(budget.randomSamples(), 64),
                budget.seed());
    }

    private static List<Expr> amountsThatMayLeaveTheWord(Interpreter in, Expr body, Support support) {
        List<Expr> found = new ArrayList<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr e) {
                if (e instanceof Expr.Binary b && (b.op() == BinaryOp.SHL || b.op() == BinaryOp.SHR)) {
                    keep(b.right());
                } else if (e instanceof Expr.Genmask g) {
                    keep(g.high());
                    keep(g.low());
                }
            }

            private void keep(Expr amount) {
                if (mayLeaveTheWord(in, amount, support)) {
                    found.add(amount);
                }
            }
        }.walk(body);
        return found;
    }

    /** A bit number that can be outside 0..63: one that depends on the arguments unless only bits 0-5 can be set. */
    private static boolean mayLeaveTheWord(Interpreter in, Expr amount, Support support) {
        try {
            if (support.isClosed(amount)) {
                Interpreter.shiftAmount(in.eval(amount, Frame.EMPTY));
                return false;
            }
            return (support.possibleBits(amount) & ~63L) != 0;
        } catch (EvalException e) {
            return true;
        }
    }
}
