package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * A property the layout must have. The doc is the sentence a violation quotes, e.g.
 * {@code frozen SPTE is not MMU-present}.
 */
public record Invariant(String name, Scope scope, Claim claim, String doc) implements Element {

    /** Name of the function output in {@link Scope.EveryCall} invariants. */
    public static final String RESULT = "result";

    public Invariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(doc, "doc");
    }

    @Override
    public String elementKind() {
        return "invariant";
    }

    public boolean isStatic() {
        return scope instanceof Scope.Constants;
    }

    public Invariant withClaim(Claim newClaim) {
        return new Invariant(name, scope, newClaim, doc);
    }

    public Invariant withDoc(String newDoc) {
        return new Invariant(name, scope, claim, newDoc);
    }

    public Invariant withName(String newName) {
        return new Invariant(newName, scope, claim, doc);
    }

    public Invariant withScope(Scope newScope) {
        return new Invariant(name, newScope, claim, doc);
    }
}
