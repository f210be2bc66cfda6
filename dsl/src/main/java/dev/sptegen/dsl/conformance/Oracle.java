package dev.sptegen.dsl.conformance;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;

/** The reference semantics of one bundled profile, as the generated suites use it. */
public final class Oracle {
    private final Interpreter interpreter;

    private Oracle(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** The oracle of a bundled spec's profile, e.g. {@code of("kvm-6.10", "ept")}. */
    public static Oracle of(String spec, String profile) {
        Spec s = KvmSpecs.byName(spec).orElseThrow(() -> new IllegalArgumentException("no bundled spec " + spec));
        return new Oracle(new Interpreter(s, profile));
    }

    public static Oracle of(Interpreter interpreter) {
        return new Oracle(interpreter);
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    @Override
    public String toString() {
        return interpreter.spec().name() + "/" + interpreter.profile().name();
    }
}
