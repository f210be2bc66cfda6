package dev.sptegen.gen.c.selftests;

import java.util.ArrayList;
import java.util.List;

/** Initializer rows of C tables, broken before 100 columns with two-tab continuation lines. */
final class TableRows {
    private static final int WIDTH = 100;

    private TableRows() {
    }

    /** A word as table data: hex, with ULL only where the value needs 64 bits. */
    static String word(long v) {
        if (v >= 0 && v < 10) {
            return Long.toString(v);
        }
        String hex = "0x" + Long.toHexString(v);
        return v >= 0 && v <= 0xffffffffL ? hex : hex + "ULL";
    }

    /** {@code \t{ item, item, ... },} wrapped at item boundaries. */
    static List<String> row(List<String> items) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("\t{ ");
        int col = 10;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : " },");
            if (col + 1 + item.length() > WIDTH && col > 10) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("\t\t");
                col = 16;
            }
            line.append(item).append(' ');
            col += item.length() + 1;
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }
}
