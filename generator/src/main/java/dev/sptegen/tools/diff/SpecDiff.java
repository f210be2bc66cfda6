package dev.sptegen.tools.diff;

import java.util.List;
import java.util.Objects;

/**
 * Everything that differs between two specs: changes of the spec as a whole (profiles, vendors,
 * parameters, enumerations) and, for each profile both have, the changes of its layout.
 *
 * @param from the old spec
 * @param to the new spec
 * @param compared the profiles present in both, in the new spec's order (only the one asked for
 *                 with {@code --profile})
 */
public record SpecDiff(SpecRef from, SpecRef to, List<Change> specChanges, List<String> compared,
                       List<ProfileDiff> profiles) {

    /** A spec as the report names it. */
    public record SpecRef(String name, String kernel, String summary) {
        public SpecRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(summary, "summary");
        }
    }

    public SpecDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        specChanges = List.copyOf(specChanges);
        compared = List.copyOf(compared);
        profiles = List.copyOf(profiles);
    }

    /** Whether the specs are the same in every compared respect. */
    public boolean isEmpty() {
        return specChanges.isEmpty() && profiles.stream().allMatch(p -> p.changes().isEmpty());
    }
}
