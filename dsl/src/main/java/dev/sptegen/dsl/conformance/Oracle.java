package dev.sptegen.dsl.conformance;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reference semantics of one bundled profile, as the generated suites use it. */
public final class Oracle {
    /** Specs that are not bundled but whose generated suites run in this JVM (a test's own specs). */
    private static final Map<String, Spec> REGISTERED = new ConcurrentHashMap<>();

    private final Interpreter interpreter;

    private Oracle(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * The oracle of a spec's profile, e.g. {@code of("kvm-6.10", "ept")}: a spec registered with
     * {@link #register}, else a bundled one.
     */
    public static Oracle of(String spec, String profile) {
        Spec s = REGISTERED.get(spec);
        if (s == null) {
            s = KvmSpecs.byName(spec).orElseThrow(() -> new IllegalArgumentException("no bundled or registered spec " + spec));
        }
        return new Oracle(new Interpreter(s, profile));
    }

    /**
     * Makes a spec that is not bundled available by name to the suites generated from it (a fuzzed spec,
     * a user's own spec run in the same JVM). A registered spec is found before a bundled one of the same name.
     */
    public static void register(Spec spec) {
        REGISTERED.put(spec.name(), spec);
    }

    /** Forgets a spec registered with {@link #register}. */
    public static void unregister(String spec) {
        REGISTERED.remove(spec);
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
