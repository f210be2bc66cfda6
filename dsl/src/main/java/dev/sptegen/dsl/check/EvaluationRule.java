package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Specializer;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.ElementExprs;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Field;

/**
 * Every constant and every field has a value in the profile: no GENMASK with its ends swapped, no
 * shift by 64, no bit outside the word; and so does every sub-expression of a function, view or
 * invariant that reads no argument (the emitters fold those), including a shift amount that does not
 * depend on the arguments when the shifted value does.
 */
final class EvaluationRule {
    private EvaluationRule() {
    }

    /** Returns false if something has no value; later rules then skip the profile. */
    static boolean check(Interpreter in, Problems problems) {
        boolean ok = true;
        for (Field f : in.layout().fields().values()) {
            try {
                in.field(f.name());
                if (f.width().isPresent()) {
                    in.eval(f.width().get(), Frame.EMPTY);
                }
            } catch (EvalException e) {
                // The interpreter names the field; the problem already does.
                problems.add(f, "bit-range", e.getMessage().replaceFirst("^field " + f.name() + ": ", ""));
                ok = false;
            }
        }
        for (Constant c : in.layout().constants().values()) {
            try {
                in.constant(c.name());
            } catch (EvalException e) {
                problems.add(c, "evaluation", e.getMessage());
                ok = false;
            }
        }
        if (!ok) {
            return false;
        }
        // Emitters specialize every expression for the profile; what they then print without an
        // argument in it (a literal, or constants the compiler folds) must have a value.
        Specializer specializer = new Specializer(in);
        Support support = Support.forProfile(in);
        for (Element e : in.layout().elements()) {
            if (e instanceof Field || e instanceof Constant) {
                continue;
            }
            try {
                for (Expr x : ElementExprs.of(e)) {
                    new ExprWalker() {
                        @Override
                        protected void visit(Expr sub) {
                            if (support.isClosed(sub)) {
                                in.eval(sub, Frame.EMPTY);
                            } else if (sub instanceof Expr.Binary b && (b.op() == BinaryOp.SHL || b.op() == BinaryOp.SHR)
                                    && support.isClosed(b.right())) {
                                // A fixed shift amount outside the word fails on every input.
                                Interpreter.shiftAmount(in.eval(b.right(), Frame.EMPTY));
                            }
                        }
                    }.walk(specializer.specialize(x));
                }
            } catch (EvalException ex) {
                problems.add(e, "evaluation", ex.getMessage());
                ok = false;
            }
        }
        return ok;
    }
}
