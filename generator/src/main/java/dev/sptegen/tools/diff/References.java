package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import java.util.LinkedHashSet;
import java.util.Set;

/** The names an expression reads directly, by kind, in the order they appear. */
record References(Set<String> constants, Set<String> parameters, Set<String> functions, Set<String> fields) {

    static References of(Expr e) {
        References r = new References(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>());
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.ConstRef c) {
                    r.constants.add(c.name());
                } else if (x instanceof Expr.ParamRef p) {
                    r.parameters.add(p.name());
                } else if (x instanceof Expr.Call c) {
                    r.functions.add(c.function());
                } else if (x instanceof Expr.FieldGet f) {
                    r.fields.add(f.field());
                } else if (x instanceof Expr.FieldPut f) {
                    r.fields.add(f.field());
                } else if (x instanceof Expr.FieldMask f) {
                    r.fields.add(f.field());
                }
            }
        }.walk(e);
        return r;
    }
}
