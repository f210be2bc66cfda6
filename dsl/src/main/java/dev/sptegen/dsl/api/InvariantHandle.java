package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;

/**
 * Completes an invariant: first, optionally, its scope (constants by default), then its claim.
 * The doc is the sentence a violation quotes.
 */
public final class InvariantHandle {
    private final LayoutScope scope;
    private final String name;

    InvariantHandle(LayoutScope scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    /** For every value (and level) that satisfies the view's predicate. */
    public InvariantHandle forEveryValue(String view) {
        return scoped(new Scope.EveryValue(view));
    }

    /** For every value the view's makers produce. */
    public InvariantHandle forEveryProduced(String view) {
        return scoped(new Scope.EveryProduced(view));
    }

    /** For every input of a function; the claim may use its arguments and {@code result}. */
    public InvariantHandle forEveryCall(String function) {
        return scoped(new Scope.EveryCall(function));
    }

    private InvariantHandle scoped(Scope s) {
        scope.update(name, Invariant.class, i -> i.withScope(s));
        return this;
    }

    /** {@code (a & b) == 0}. */
    public InvariantHandle disjoint(Expr a, Expr b) {
        return claim(new Claim.Disjoint(a, b));
    }

    /** {@code a == b}. */
    public InvariantHandle equal(Expr a, Expr b) {
        return claim(new Claim.Equal(a, b));
    }

    /** Every bit of {@code a} is in {@code of}. */
    public InvariantHandle subset(Expr a, Expr of) {
        return claim(new Claim.Subset(a, of));
    }

    public InvariantHandle holds(Expr condition) {
        return claim(new Claim.Holds(condition));
    }

    private InvariantHandle claim(Claim c) {
        scope.update(name, Invariant.class, i -> i.withClaim(c));
        scope.defined(name);
        return this;
    }

    public InvariantHandle doc(String doc) {
        scope.update(name, Invariant.class, i -> i.withDoc(doc));
        return this;
    }
}
