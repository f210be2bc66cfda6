package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects problems for one spec and, optionally, one profile. */
final class Problems {
    private final String spec;
    private final Optional<String> profile;
    private final List<Problem> list;

    Problems(String spec, Optional<String> profile, List<Problem> list) {
        this.spec = spec;
        this.profile = profile;
        this.list = list;
    }

    static Problems forSpec(String spec) {
        return new Problems(spec, Optional.empty(), new ArrayList<>());
    }

    /** The same list, for problems that show up in one profile. */
    Problems inProfile(String profileName) {
        return new Problems(spec, Optional.of(profileName), list);
    }

    void add(String element, String rule, String message) {
        Problem p = new Problem(spec, profile, element, rule, message);
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    void add(Element e, String rule, String message) {
        add(label(e), rule, message);
    }

    static String label(Element e) {
        return e.elementKind() + " " + e.name();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    List<Problem> all() {
        return List.copyOf(list);
    }
}
