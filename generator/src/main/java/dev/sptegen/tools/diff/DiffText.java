package dev.sptegen.tools.diff;

import java.util.List;
import java.util.Map;

/**
 * The report for people. Spec-wide changes first, then each section of the compared profiles with
 * every change shown once and the profiles it applies to:
 *
 * <pre>
 * constants
 *   ~ REMOVED_SPTE  [all profiles]  gains bit 63
 *       value: 0x5a0 -> 0x80000000000005a0
 * </pre>
 */
public final class DiffText {
    private static final List<Section> SPEC_SECTIONS = List.of(Section.PROFILE, Section.VENDOR, Section.PARAMETER,
            Section.ENUM);
    private static final List<Section> PROFILE_SECTIONS = List.of(Section.PARAMETER, Section.FIELD, Section.CONSTANT,
            Section.FUNCTION, Section.VIEW, Section.INVARIANT);

    private final StringBuilder out = new StringBuilder();
    private final SpecDiff diff;

    private DiffText(SpecDiff diff) {
        this.diff = diff;
    }

    public static String render(SpecDiff diff) {
        return new DiffText(diff).all();
    }

    private String all() {
        line(diff.from().name() + " -> " + diff.to().name() + " (Linux " + diff.from().kernel() + " -> "
                + diff.to().kernel() + ")");
        line(diff.to().name() + ": " + diff.to().summary());
        line("compared profiles: " + Describe.names(diff.compared()));
        if (diff.isEmpty()) {
            line("");
            line("no differences");
            return out.toString();
        }
        for (Section s : SPEC_SECTIONS) {
            List<Change> changes = diff.specChanges().stream().filter(c -> c.section() == s).toList();
            if (!changes.isEmpty()) {
                line("");
                line(heading(s, false));
                changes.forEach(c -> change(c, "", Map.of()));
            }
        }
        for (Section s : PROFILE_SECTIONS) {
            List<ChangeGroup> groups = ChangeGroup.of(diff.profiles(), s);
            if (!groups.isEmpty()) {
                line("");
                line(heading(s, true));
                groups.forEach(g -> change(g.change(), "[" + profiles(g.profiles()) + "]", g.examples()));
            }
        }
        return out.toString();
    }

    private static String heading(Section s, boolean perProfile) {
        if (s == Section.PARAMETER && perProfile) {
            return "parameter values";
        }
        return s.label() + "s";
    }

    private String profiles(List<String> names) {
        return names.equals(diff.compared()) && names.size() > 1 ? "all profiles" : String.join(", ", names);
    }

    private void change(Change c, String where, Map<String, List<String>> examples) {
        StringBuilder head = new StringBuilder("  " + c.kind().mark() + " ");
        head.append(c.renamedFrom().map(old -> old + " -> " + c.name()).orElse(c.name()));
        if (!where.isEmpty()) {
            head.append("  ").append(where);
        }
        if (!c.summary().isEmpty()) {
            head.append("  ").append(c.summary());
        }
        line(head.toString());
        for (Delta d : c.deltas()) {
            line("      " + d.property() + ": " + delta(d));
        }
        if (examples.size() == 1) {
            line("      e.g. " + examples.keySet().iterator().next());
        } else {
            examples.forEach((text, in) -> line("      e.g. in " + String.join(", ", in) + ": " + text));
        }
        if (!c.cause().isEmpty()) {
            line("      cause: " + c.cause().text());
        }
    }

    private static String delta(Delta d) {
        if (d.before().isEmpty()) {
            return d.after();
        } else if (d.after().isEmpty()) {
            return d.before();
        }
        return d.before() + " -> " + d.after();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
