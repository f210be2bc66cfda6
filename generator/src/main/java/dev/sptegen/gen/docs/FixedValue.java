package dev.sptegen.gen.docs;

import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.View;
import java.util.Optional;

/**
 * The one value of a marker view: a view whose predicate is {@code spte == X} for a fixed X, directly
 * or through a one-argument predicate (is_frozen_spte). The diagram draws its bits instead of fields.
 */
record FixedValue(long value, String name) {

    static Optional<FixedValue> of(Interpreter in, View view) {
        return equality(in, view.predicate(), View.SPTE);
    }

    private static Optional<FixedValue> equality(Interpreter in, Expr e, String arg) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.EQ) {
            Expr other = isArg(b.left(), arg) ? b.right() : isArg(b.right(), arg) ? b.left() : null;
            if (other != null && new Support(in).isClosed(other)) {
                return Optional.of(new FixedValue(in.eval(other, Frame.EMPTY), ExprPrinter.print(other)));
            }
        } else if (e instanceof Expr.Call c && c.args().size() == 1 && isArg(c.args().get(0), arg)) {
            Function f = in.layout().function(c.function());
            return equality(in, f.body(), f.args().get(0).name());
        }
        return Optional.empty();
    }

    private static boolean isArg(Expr e, String arg) {
        return e instanceof Expr.ArgRef r && r.name().equals(arg);
    }
}
