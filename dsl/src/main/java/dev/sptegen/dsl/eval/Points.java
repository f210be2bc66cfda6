package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import java.util.OptionalLong;

/**
 * Recognizes a condition that at most one value of an argument satisfies, such as
 * {@code spte == FROZEN_SPTE}: a test of equality with a fixed value, possibly through a call or
 * inside a logical and. The values that satisfy it are then found by looking, not by search.
 */
public final class Points {
    private final Interpreter in;
    private final Support support;

    public Points(Interpreter in) {
        this.in = in;
        this.support = Support.forProfile(in);
    }

    /** The only value of {@code arg} that can satisfy {@code condition}, if there is one. */
    public OptionalLong of(Expr condition, String arg) {
        if (condition instanceof Expr.Binary b) {
            if (b.op() == BinaryOp.EQ) {
                if (isArg(b.left(), arg) && support.isClosed(b.right())) {
                    return OptionalLong.of(in.eval(b.right(), Frame.EMPTY));
                }
                if (isArg(b.right(), arg) && support.isClosed(b.left())) {
                    return OptionalLong.of(in.eval(b.left(), Frame.EMPTY));
                }
            } else if (b.op() == BinaryOp.LAND) {
                OptionalLong left = of(b.left(), arg);
                return left.isPresent() ? left : of(b.right(), arg);
            }
        } else if (condition instanceof Expr.Call c) {
            Function f = in.layout().function(c.function());
            for (int i = 0; i < c.args().size(); i++) {
                if (isArg(c.args().get(i), arg)) {
                    OptionalLong inner = of(f.body(), f.args().get(i).name());
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    private static boolean isArg(Expr e, String arg) {
        return e instanceof Expr.ArgRef r && r.name().equals(arg);
    }
}
