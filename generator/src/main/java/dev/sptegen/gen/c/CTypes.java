package dev.sptegen.gen.c;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Type;
import java.util.Map;

/** The C type (u64 or bool) of an expression, for local variables. */
final class CTypes {
    private final Layout layout;
    private final Map<String, Type> names;

    CTypes(Layout layout, Map<String, Type> names) {
        this.layout = layout;
        this.names = names;
    }

    Type of(Expr e) {
        if (e instanceof Expr.BoolLit) {
            return Type.BOOL;
        } else if (e instanceof Expr.ArgRef a) {
            return names.getOrDefault(a.name(), Type.U64);
        } else if (e instanceof Expr.ConstRef c) {
            return layout.constant(c.name()).type();
        } else if (e instanceof Expr.Unary u) {
            return u.op().result();
        } else if (e instanceof Expr.Binary b) {
            return b.op().result();
        } else if (e instanceof Expr.Cond c) {
            return of(c.then());
        } else if (e instanceof Expr.Call c) {
            return layout.function(c.function()).returns();
        }
        return Type.U64;
    }
}
