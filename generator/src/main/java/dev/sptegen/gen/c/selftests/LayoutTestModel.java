package dev.sptegen.gen.c.selftests;

import java.util.List;

/**
 * What {@code selftests/spte_layout_test.ftl} prints.
 *
 * @param checks C code of the invariant checks, as lines
 * @param entries one per profile and function or invariant, in table order
 * @param rows the vector table, as lines
 */
public record LayoutTestModel(String spec, String header, int nrArgs, List<String> checks, List<Entry> entries,
                              List<String> rows, int vectors) {

    public LayoutTestModel {
        checks = List.copyOf(checks);
        entries = List.copyOf(entries);
        rows = List.copyOf(rows);
    }

    /**
     * One thing under test: its TAP name, the C call (arguments from {@code a[]}) and whether its
     * result must be true (an invariant).
     */
    public record Entry(int id, String name, String call, boolean invariant) {
        /** The C literal of {@link #invariant()}. */
        public String invariantText() {
            return invariant ? "true" : "false";
        }
    }
}
