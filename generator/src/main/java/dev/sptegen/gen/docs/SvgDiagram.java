package dev.sptegen.gen.docs;

import java.util.List;

/**
 * The model of {@code docs/layout.svg.ftl}: one profile's 64-bit word, one row per view, with every
 * coordinate and colour already decided.
 */
public record SvgDiagram(String title, int width, int height, List<Text> bitNumbers, List<Row> rows,
                         List<LegendItem> legend) {

    public SvgDiagram {
        bitNumbers = List.copyOf(bitNumbers);
        rows = List.copyOf(rows);
        legend = List.copyOf(legend);
    }

    /** A view's row: a background with one cell per bit, the boxes of its fields, and its texts. */
    public record Row(String view, int y, int height, List<Box> cells, List<Box> boxes, List<Text> texts) {
        public Row {
            cells = List.copyOf(cells);
            boxes = List.copyOf(boxes);
            texts = List.copyOf(texts);
        }
    }

    /**
     * A rectangle; {@code hatched} overlays the software pattern; {@code tooltip} becomes its SVG
     * title (empty for none).
     */
    public record Box(int x, int y, int width, int height, String fill, boolean hatched, String tooltip) {
    }

    /**
     * A text; {@code vertical} turns it a quarter to the left around its anchor, for fields too narrow
     * for their name; {@code style} is a CSS class of the template.
     */
    public record Text(int x, int y, String text, boolean vertical, String style) {
    }

    /** One entry of the legend: a swatch and what it means. */
    public record LegendItem(Box swatch, Text label) {
    }
}
