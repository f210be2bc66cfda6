package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Expr;

/** Completes a constant declaration. */
public final class ConstantHandle {
    private final LayoutScope scope;
    private final String name;

    ConstantHandle(LayoutScope scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    public ConstantHandle is(Expr value) {
        scope.update(name, Constant.class, c -> c.withValue(value));
        scope.defined(name);
        return this;
    }

    public ConstantHandle is(long value) {
        return is(new Expr.Lit(value));
    }

    public ConstantHandle doc(String doc) {
        scope.update(name, Constant.class, c -> c.withDoc(doc));
        return this;
    }
}
