package dev.sptegen.tools.diff;

import java.util.List;

/**
 * Why an element's value or meaning changed: its own declaration was rewritten in the new spec,
 * and/or something it reads (constants, parameters, fields, functions) changed.
 *
 * @param redefined the new spec declares the element differently (ignoring docs and renames)
 * @param via the names, in the new spec, of what the element reads that changed
 */
public record Cause(boolean redefined, List<String> via) {
    public static final Cause NONE = new Cause(false, List.of());

    public Cause {
        via = List.copyOf(via);
    }

    public boolean isEmpty() {
        return !redefined && via.isEmpty();
    }

    /** {@code redefined; follows from REMOVED_SPTE}. */
    public String text() {
        String from = via.isEmpty() ? "" : "follows from " + String.join(", ", via);
        if (redefined) {
            return from.isEmpty() ? "redefined" : "redefined; " + from;
        }
        return from;
    }
}
