package dev.sptegen.dsl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds an expression bottom-up. Subclasses override the nodes they change; every other node is
 * rebuilt from its transformed children (and returned as is when nothing changed).
 */
public class ExprTransformer implements ExprVisitor<Expr> {

    public final Expr transform(Expr e) {
        return e.accept(this);
    }

    @Override
    public Expr lit(Expr.Lit e) {
        return e;
    }

    @Override
    public Expr boolLit(Expr.BoolLit e) {
        return e;
    }

    @Override
    public Expr paramRef(Expr.ParamRef e) {
        return e;
    }

    @Override
    public Expr constRef(Expr.ConstRef e) {
        return e;
    }

    @Override
    public Expr argRef(Expr.ArgRef e) {
        return e;
    }

    @Override
    public Expr enumLit(Expr.EnumLit e) {
        return e;
    }

    @Override
    public Expr unary(Expr.Unary e) {
        Expr operand = transform(e.operand());
        return operand == e.operand() ? e : new Expr.Unary(e.op(), operand);
    }

    @Override
    public Expr binary(Expr.Binary e) {
        Expr left = transform(e.left());
        Expr right = transform(e.right());
        return left == e.left() && right == e.right() ? e : new Expr.Binary(e.op(), left, right);
    }

    @Override
    public Expr cond(Expr.Cond e) {
        Expr test = transform(e.test());
        Expr then = transform(e.then());
        Expr otherwise = transform(e.otherwise());
        return test == e.test() && then == e.then() && otherwise == e.otherwise()
                ? e : new Expr.Cond(test, then, otherwise);
    }

    @Override
    public Expr call(Expr.Call e) {
        List<Expr> args = new ArrayList<>(e.args().size());
        boolean changed = false;
        for (Expr arg : e.args()) {
            Expr t = transform(arg);
            changed |= t != arg;
            args.add(t);
        }
        return changed ? new Expr.Call(e.function(), args) : e;
    }

    @Override
    public Expr genmask(Expr.Genmask e) {
        Expr high = transform(e.high());
        Expr low = transform(e.low());
        return high == e.high() && low == e.low() ? e : new Expr.Genmask(high, low);
    }

    @Override
    public Expr fieldGet(Expr.FieldGet e) {
        Expr word = transform(e.word());
        return word == e.word() ? e : new Expr.FieldGet(e.field(), word);
    }

    @Override
    public Expr fieldPut(Expr.FieldPut e) {
        Expr word = transform(e.word());
        Expr value = transform(e.value());
        return word == e.word() && value == e.value() ? e : new Expr.FieldPut(e.field(), word, value);
    }

    @Override
    public Expr fieldMask(Expr.FieldMask e) {
        return e;
    }
}
