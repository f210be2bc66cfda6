package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Function;
import java.util.HashMap;
import java.util.Map;

/** A call's value written out: the callee's body specialized for the profile, the call's arguments in place of its own. */
public final class CallInliner {
    private final Interpreter in;
    private final Specializer specializer;

    public CallInliner(Interpreter in, Specializer specializer) {
        this.in = in;
        this.specializer = specializer;
    }

    public Expr inline(Expr.Call c) {
        Function f = in.layout().function(c.function());
        Expr body = specializer.body(f);
        Map<String, Expr> actual = new HashMap<>();
        for (int i = 0; i < f.args().size(); i++) {
            actual.put(f.args().get(i).name(), c.args().get(i));
        }
        return new ExprTransformer() {
            @Override
            public Expr argRef(Expr.ArgRef a) {
                return actual.getOrDefault(a.name(), a);
            }
        }.transform(body);
    }
}
