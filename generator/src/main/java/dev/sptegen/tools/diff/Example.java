package dev.sptegen.tools.diff;

import java.util.Objects;

/**
 * Evidence of a change of meaning: one input on which the old and the new definition disagree,
 * e.g. {@code is_removed_spte(spte=0x5a0)}: {@code true} before, {@code false} after.
 */
public record Example(String input, String before, String after) {
    public Example {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** {@code is_removed_spte(spte=0x5a0): true -> false}. */
    public String text() {
        return input + ": " + before + " -> " + after;
    }
}
