package dev.sptegen.tools.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the two specs, in one profile (or in the spec as a whole).
 *
 * @param name the element's name in the new spec (in the old one for a removal)
 * @param renamedFrom the old name of a renamed element
 * @param summary one line describing an added or removed element, or the kind of a change
 *                ("moved", "semantics changed"); may be empty
 * @param deltas the properties that differ, before and after
 * @param example an input on which old and new meaning differ, when the change is one of meaning
 * @param cause why a value or meaning changed
 */
public record Change(Section section, ChangeKind kind, String name, Optional<String> renamedFrom, String summary,
                     List<Delta> deltas, Optional<Example> example, Cause cause) {

    public Change {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(renamedFrom, "renamedFrom");
        Objects.requireNonNull(summary, "summary");
        deltas = List.copyOf(deltas);
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(cause, "cause");
    }

    public static Change added(Section section, String name, String summary) {
        return new Change(section, ChangeKind.ADDED, name, Optional.empty(), summary, List.of(), Optional.empty(),
                Cause.NONE);
    }

    public static Change removed(Section section, String name, String summary) {
        return new Change(section, ChangeKind.REMOVED, name, Optional.empty(), summary, List.of(), Optional.empty(),
                Cause.NONE);
    }

    public static Change renamed(Section section, String oldName, String newName, String summary) {
        return new Change(section, ChangeKind.RENAMED, newName, Optional.of(oldName), summary, List.of(),
                Optional.empty(), Cause.NONE);
    }

    public static Change changed(Section section, String name, String summary, List<Delta> deltas,
                                 Optional<Example> example, Cause cause) {
        return new Change(section, ChangeKind.CHANGED, name, Optional.empty(), summary, deltas, example, cause);
    }

    /** The same change without its example: what two profiles must share to be reported together. */
    public Change withoutExample() {
        return new Change(section, kind, name, renamedFrom, summary, deltas, Optional.empty(), cause);
    }
}
