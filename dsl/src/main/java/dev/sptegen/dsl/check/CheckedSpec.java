package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A spec that passed validation. Emitters take this type, so nothing can be generated from a spec
 * that was not checked. It also keeps one interpreter per profile, so that validation and every
 * emitter share what the interpreter derives (constant values, bit supports, produced SPTEs). An
 * interpreter is not thread-safe: one spec's outputs are produced by one thread at a time.
 */
public final class CheckedSpec {
    private final Spec spec;
    private final Map<Profile, Interpreter> interpreters = new ConcurrentHashMap<>();

    CheckedSpec(Spec spec, Map<Profile, Interpreter> used) {
        this.spec = spec;
        this.interpreters.putAll(used);
    }

    public Spec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The interpreter of one of the spec's profiles, created once. */
    public Interpreter interpreter(Profile profile) {
        return interpreters.computeIfAbsent(profile, p -> new Interpreter(spec, p));
    }
}
