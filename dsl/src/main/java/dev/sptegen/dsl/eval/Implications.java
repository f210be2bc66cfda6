package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.UnaryOp;

/**
 * What the outcome of a condition decides about the conditions inside the branch it guards: in
 * {@code c ? a : b}, every {@code c} within {@code b} is false, and so is a call whose body (on this
 * profile) is {@code c}; its negation is true. The specializer replaces such conditions by their
 * value, so a test the enclosing test has already made is not emitted twice (on NPT,
 * {@code mark_spte_for_access_track}'s inner {@code is_access_track_spte} is {@code !spte_ad_enabled},
 * already false where it is asked).
 */
final class Implications {
    /** How deep calls are followed into their bodies (specs have no call cycles; this bounds the work). */
    private static final int CALL_DEPTH = 4;

    private final Interpreter in;
    private final CallInliner calls;

    Implications(Interpreter in, CallInliner calls) {
        this.in = in;
        this.calls = calls;
    }

    /** {@code e} with every boolean sub-expression that {@code fact == holds} decides replaced by its value. */
    Expr assume(Expr e, Expr fact, boolean holds) {
        return new ExprTransformer() {
            @Override
            public Expr unary(Expr.Unary u) {
                Boolean d = decided(u, fact, holds, CALL_DEPTH);
                return d != null ? new Expr.BoolLit(d) : super.unary(u);
            }

            @Override
            public Expr binary(Expr.Binary b) {
                Boolean d = b.op().result() == Type.BOOL ? decided(b, fact, holds, CALL_DEPTH) : null;
                return d != null ? new Expr.BoolLit(d) : super.binary(b);
            }

            @Override
            public Expr call(Expr.Call c) {
                Boolean d = decided(c, fact, holds, CALL_DEPTH);
                return d != null ? new Expr.BoolLit(d) : super.call(c);
            }
        }.transform(e);
    }

    /** The value of boolean {@code x} where {@code fact} evaluates to {@code holds}; null if that does not decide it. */
    private Boolean decided(Expr x, Expr fact, boolean holds, int depth) {
        if (x.equals(fact)) {
            return holds;
        }
        if (x instanceof Expr.Unary u && u.op() == UnaryOp.LNOT) {
            Boolean d = decided(u.operand(), fact, holds, depth);
            return d == null ? null : !d;
        }
        if (x instanceof Expr.Binary b && (b.op() == BinaryOp.LAND || b.op() == BinaryOp.LOR)) {
            boolean and = b.op() == BinaryOp.LAND;
            Boolean l = decided(b.left(), fact, holds, depth);
            Boolean r = decided(b.right(), fact, holds, depth);
            if ((l != null && l != and) || (r != null && r != and)) {
                return !and;
            }
            return l != null && r != null ? and : null;
        }
        if (x instanceof Expr.Call c && depth > 0 && in.layout().function(c.function()).returns() == Type.BOOL) {
            return decided(calls.inline(c), fact, holds, depth - 1);
        }
        return null;
    }
}
