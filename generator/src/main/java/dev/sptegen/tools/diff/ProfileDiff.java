package dev.sptegen.tools.diff;

import java.util.List;
import java.util.Objects;

/** The changes of one profile present in both specs, sections in report order. */
public record ProfileDiff(String profile, String vendor, List<Change> changes) {
    public ProfileDiff {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vendor, "vendor");
        changes = List.copyOf(changes);
    }
}
