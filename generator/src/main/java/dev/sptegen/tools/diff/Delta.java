package dev.sptegen.tools.diff;

import java.util.Objects;

/**
 * One property of an element before and after, as shown to people: {@code value 0x5a0 ->
 * 0x80000000000005a0}. An empty {@code before} means the property only exists afterwards (an added
 * argument), an empty {@code after} that it is gone.
 */
public record Delta(String property, String before, String after) {
    public Delta {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
