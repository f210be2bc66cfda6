package dev.sptegen.gen.docs;

import dev.sptegen.dsl.model.Field;
import java.util.List;

/**
 * Colours of fields. Hardware fields take cool colours, software fields warm ones (and are hatched),
 * address fields slate, so the kind of a bit shows at a glance. The colour within a family follows
 * the field's position among the layout's fields, so it is the same on every run.
 */
final class Palette {
    static final List<String> HARDWARE = List.of("#9ecae1", "#a1d99b", "#80cdc1", "#bcbddc", "#c6dbef", "#74c476",
            "#b3cde3", "#99d8c9");
    static final List<String> SOFTWARE = List.of("#fdae6b", "#fc9272", "#fdd0a2", "#f4a582", "#fee391", "#fcbba1",
            "#feb24c", "#e7969c");
    static final String ADDRESS = "#cbd5e1";
    /** A bit that is 1 in a marker value (frozen, non-present). */
    static final String ONE = "#475569";
    static final String EMPTY = "#ffffff";

    private Palette() {
    }

    static String fill(Field.Role role, int index) {
        return switch (role) {
            case HARDWARE -> HARDWARE.get(index % HARDWARE.size());
            case SOFTWARE -> SOFTWARE.get(index % SOFTWARE.size());
            case ADDRESS -> ADDRESS;
        };
    }
}
