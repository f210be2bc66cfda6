package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches for a counterexample to every invariant over values (a view's values, its makers'
 * outputs, a function's calls) within a validation budget, and reports the first one found with
 * its inputs. The generated conformance suites repeat the search exhaustively.
 */
final class DynamicInvariantRule {
    private DynamicInvariantRule() {
    }

    static void check(Interpreter in, Problems problems, CaseSpace.Budget budget) {
        for (Invariant i : in.layout().invariants().values()) {
            try {
                if (i.scope() instanceof Scope.EveryValue v) {
                    everyValue(in, i, in.layout().view(v.view()), problems, budget);
                } else if (i.scope() instanceof Scope.EveryProduced p) {
                    everyProduced(in, i, in.layout().view(p.view()), problems, budget);
                } else if (i.scope() instanceof Scope.EveryCall c) {
                    everyCall(in, i, in.layout().function(c.function()), problems, budget);
                }
            } catch (EvalException e) {
                problems.add(i, "evaluation", e.getMessage());
            }
        }
        for (View v : in.layout().views().values()) {
            try {
                producersStayInView(in, v, problems, budget);
            } catch (EvalException e) {
                problems.add(v, "evaluation", e.getMessage());
            }
        }
    }

    private static void everyValue(Interpreter in, Invariant i, View view, Problems problems, CaseSpace.Budget budget) {
        List<Arg> args = View.args();
        CaseSpace.ofView(in, view, i.claim().asCondition(), budget).forEach(a -> {
            Frame frame = Frame.of(args, a);
            if (!in.test(view.predicate(), frame)) {
                return true;
            }
            String why = Explain.ifFalse(in, i.claim(), frame);
            if (why != null) {
                problems.add(i, "view-invariant", "counterexample spte=" + Bits.hex16(a[0]) + " level=" + a[1]
                        + " is in view " + view.name() + " but " + why + ": violates \"" + i.doc() + "\"");
                return false;
            }
            return true;
        });
    }

    private static void everyProduced(Interpreter in, Invariant i, View view, Problems problems, CaseSpace.Budget budget) {
        for (String maker : view.producers()) {
            Function f = in.layout().function(maker);
            int levelArg = f.argIndex(View.LEVEL);
            boolean ok = CaseSpace.of(in, f, budget).forEach(a -> {
                long spte = in.call(maker, a);
                for (long level = view.levels().min(); level <= view.levels().max(); level++) {
                    long lvl = levelArg >= 0 ? a[levelArg] : level;
                    Frame frame = Frame.of(View.args(), spte, lvl);
                    String why = Explain.ifFalse(in, i.claim(), frame);
                    if (why != null) {
                        problems.add(i, "view-invariant", "counterexample " + call(f, a) + " = " + Bits.hex16(spte)
                                + " (level " + lvl + ") but " + why + ": violates \"" + i.doc() + "\"");
                        return false;
                    }
                    if (levelArg >= 0) {
                        break;
                    }
                }
                return true;
            });
            if (!ok) {
                return;
            }
        }
    }

    private static void everyCall(Interpreter in, Invariant i, Function f, Problems problems, CaseSpace.Budget budget) {
        CaseSpace.of(in, f, budget).forEach(a -> {
            long result = in.call(f.name(), a);
            Frame frame = Frame.of(f.args(), a).with(Invariant.RESULT, result);
            String why = Explain.ifFalse(in, i.claim(), frame);
            if (why != null) {
                problems.add(i, "call-invariant", "counterexample " + call(f, a) + " = " + Bits.hex16(result)
                        + " but " + why + ": violates \"" + i.doc() + "\"");
                return false;
            }
            return true;
        });
    }

    /** Every value a view's makers produce satisfies the view's predicate. */
    private static void producersStayInView(Interpreter in, View view, Problems problems, CaseSpace.Budget budget) {
        for (String maker : view.producers()) {
            Function f = in.layout().function(maker);
            int levelArg = f.argIndex(View.LEVEL);
            CaseSpace.of(in, f, budget).forEach(a -> {
                long spte = in.call(maker, a);
                long level = levelArg >= 0 ? a[levelArg] : view.levels().min();
                if (!in.test(view.predicate(), Frame.of(View.args(), spte, level))) {
                    problems.add(view, "view-invariant", call(f, a) + " = " + Bits.hex16(spte) + " (level " + level
                            + ") is not in the view it produces: " + view.name() + " requires "
                            + dev.sptegen.dsl.model.ExprPrinter.print(view.predicate()));
                    return false;
                }
                return true;
            });
        }
    }

    /** {@code make_mmio_spte(gfn=0x1, access=0x6, gen=0x0)}. */
    static String call(Function f, long[] args) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            Arg a = f.args().get(k);
            parts.add(a.name() + "=" + (a.type() == dev.sptegen.dsl.model.Type.BOOL ? Boolean.toString(args[k] != 0)
                    : Bits.hex(args[k])));
        }
        return f.name() + "(" + String.join(", ", parts) + ")";
    }
}
