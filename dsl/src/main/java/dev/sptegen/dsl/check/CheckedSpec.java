package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Spec;

/**
 * A spec that passed validation. Emitters take this type, so nothing can be generated from a spec
 * that was not checked.
 */
public final class CheckedSpec {
    private final Spec spec;

    CheckedSpec(Spec spec) {
        this.spec = spec;
    }

    public Spec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }
}
