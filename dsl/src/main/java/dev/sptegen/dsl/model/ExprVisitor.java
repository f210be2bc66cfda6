package dev.sptegen.dsl.model;

/** One method per expression node; implementations are exhaustive by construction. */
public interface ExprVisitor<R> {
    R lit(Expr.Lit e);

    R boolLit(Expr.BoolLit e);

    R paramRef(Expr.ParamRef e);

    R constRef(Expr.ConstRef e);

    R argRef(Expr.ArgRef e);

    R enumLit(Expr.EnumLit e);

    R unary(Expr.Unary e);

    R binary(Expr.Binary e);

    R cond(Expr.Cond e);

    R call(Expr.Call e);

    R genmask(Expr.Genmask e);

    R fieldGet(Expr.FieldGet e);

    R fieldPut(Expr.FieldPut e);

    R fieldMask(Expr.FieldMask e);
}
