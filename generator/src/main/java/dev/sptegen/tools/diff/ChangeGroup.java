package dev.sptegen.tools.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as it appears in several profiles: the text report shows it once, with the profiles
 * it applies to and the examples (which may differ between profiles).
 */
record ChangeGroup(Change change, List<String> profiles, Map<String, List<String>> examples) {

    /**
     * Groups equal changes (ignoring examples) of one section across profiles. Groups come in order of
     * first appearance, except that groups of the same element stay together (a mask that changes one
     * way on EPT and another on EPT without execute-only).
     */
    static List<ChangeGroup> of(List<ProfileDiff> diffs, Section section) {
        Map<Change, ChangeGroup> groups = new LinkedHashMap<>();
        for (ProfileDiff d : diffs) {
            for (Change c : d.changes()) {
                if (c.section() != section) {
                    continue;
                }
                ChangeGroup g = groups.computeIfAbsent(c.withoutExample(),
                        k -> new ChangeGroup(k, new ArrayList<>(), new LinkedHashMap<>()));
                g.profiles.add(d.profile());
                c.example().ifPresent(e -> g.examples.computeIfAbsent(e.text(), k -> new ArrayList<>()).add(d.profile()));
            }
        }
        Map<String, List<ChangeGroup>> byElement = new LinkedHashMap<>();
        for (ChangeGroup g : groups.values()) {
            byElement.computeIfAbsent(g.change.kind() + " " + g.change.name(), k -> new ArrayList<>()).add(g);
        }
        return byElement.values().stream().flatMap(List::stream).toList();
    }
}
