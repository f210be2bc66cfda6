package dev.sptegen.dsl.model;

import java.util.Objects;

/** Over which values an invariant must hold. */
public sealed interface Scope {

    /** Over the constants alone; the kernel writes these as {@code static_assert}. */
    record Constants() implements Scope {
    }

    /** For every 64-bit value (and level) that satisfies the view's predicate. */
    record EveryValue(String view) implements Scope {
        public EveryValue {
            Objects.requireNonNull(view, "view");
        }
    }

    /** For every value the view's makers produce from inputs in their domains. */
    record EveryProduced(String view) implements Scope {
        public EveryProduced {
            Objects.requireNonNull(view, "view");
        }
    }

    /**
     * For every input of a function: the condition may use the function's arguments and
     * {@value Invariant#RESULT}, its output.
     */
    record EveryCall(String function) implements Scope {
        public EveryCall {
            Objects.requireNonNull(function, "function");
        }
    }
}
