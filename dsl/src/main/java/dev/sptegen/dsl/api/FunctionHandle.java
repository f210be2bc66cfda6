package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import java.util.List;

/** Completes a function declaration: arguments, body, precondition, doc. */
public final class FunctionHandle {
    private final LayoutScope scope;
    private final String name;

    FunctionHandle(LayoutScope scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    /** The arguments, in call order. */
    public FunctionHandle of(Arg... args) {
        List<Arg> list = List.of(args);
        scope.update(name, Function.class, f -> f.withArgs(list));
        return this;
    }

    /** The body. */
    public FunctionHandle is(Expr body) {
        scope.update(name, Function.class, f -> f.withBody(body));
        scope.defined(name);
        return this;
    }

    /** A precondition: inputs outside it are never passed by KVM and never enumerated. */
    public FunctionHandle requires(Expr condition) {
        scope.update(name, Function.class, f -> f.withRequires(condition));
        return this;
    }

    /** The word result holds codes of this enumeration. */
    public FunctionHandle returnsEnum(String enumName) {
        scope.update(name, Function.class, f -> f.withReturnsEnum(enumName));
        return this;
    }

    public FunctionHandle doc(String doc) {
        scope.update(name, Function.class, f -> f.withDoc(doc));
        return this;
    }
}
