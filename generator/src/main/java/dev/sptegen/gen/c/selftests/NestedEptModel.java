package dev.sptegen.gen.c.selftests;

import java.util.List;

/**
 * What {@code selftests/nested_ept_access_test.ftl} prints.
 *
 * @param profile the EPT profile whose encoders build the leaves
 * @param setters C setters of the leaf fields, by role
 * @param memtypes names of the memory type codes 0..7 (illegal ones as the spec calls them)
 * @param outcomes the spec's hw_outcome names, by code
 * @param rows the case table, as lines
 */
public record NestedEptModel(String spec, String header, String profile, Setters setters, List<String> memtypes,
                             List<String> outcomes, List<String> rows, int cases) {

    public NestedEptModel {
        memtypes = List.copyOf(memtypes);
        outcomes = List.copyOf(outcomes);
        rows = List.copyOf(rows);
    }

    /** The generated encoders the test uses. */
    public record Setters(String pfn, String read, String write, String exec, String memtype, String accessed,
                          String dirty) {
    }
}
