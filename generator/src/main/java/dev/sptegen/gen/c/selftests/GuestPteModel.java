package dev.sptegen.gen.c.selftests;

import java.util.List;

/**
 * What {@code selftests/guest_pte_access_test.ftl} prints.
 *
 * @param flags the symbolic entry flags the rows use (F_P, ...), with their values
 * @param groups TAP names of the row groups (access kind and CPU state)
 * @param rows the case table, as lines
 */
public record GuestPteModel(String spec, String profile, List<Flag> flags, List<String> groups, List<String> rows,
                            int cases) {

    public GuestPteModel {
        flags = List.copyOf(flags);
        groups = List.copyOf(groups);
        rows = List.copyOf(rows);
    }

    /** {@code #define name value} with a comment. */
    public record Flag(String name, String value, String doc) {
    }
}
