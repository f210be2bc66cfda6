package dev.sptegen.gen.docs;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lays out the bit diagram of one profile: bits 63..0 from left to right, one row per view (views
 * overlap, so they are stacked rather than merged), each field of the view a coloured box over its
 * bits, split fields as several boxes, marker views (frozen, non-present) as their set bits.
 */
final class LayoutDiagram {
    static final int LABEL_WIDTH = 200;
    static final int CELL = 20;
    static final int RIGHT = 16;
    static final int TITLE_Y = 28;
    static final int NUMBERS_Y = 56;
    static final int FIRST_ROW = 66;
    static final int ROW_HEIGHT = 124;
    static final int ROW_GAP = 10;
    /** Average width of a character of the field font, to decide whether a name fits across a box. */
    static final double CHAR_WIDTH = 6.6;

    private LayoutDiagram() {
    }

    static SvgDiagram of(Interpreter in) {
        List<SvgDiagram.Text> numbers = new ArrayList<>();
        for (int bit = 63; bit >= 0; bit--) {
            numbers.add(new SvgDiagram.Text(x(bit) + CELL / 2, NUMBERS_Y, Integer.toString(bit), false, "bitno"));
        }
        List<SvgDiagram.Row> rows = new ArrayList<>();
        int y = FIRST_ROW;
        for (View v : in.layout().views().values()) {
            rows.add(row(in, v, y));
            y += ROW_HEIGHT + ROW_GAP;
        }
        int legendY = y + 14;
        String title = in.spec().name() + " / " + in.profile().name() + " (" + in.profile().vendor().id()
                + "): SPTE bits by view, Linux " + in.spec().kernel() + "+";
        return new SvgDiagram(title, width(), legendY + 34, numbers, rows, legend(legendY));
    }

    static int width() {
        return LABEL_WIDTH + 64 * CELL + RIGHT;
    }

    /** Left edge of a bit's cell: bit 63 leftmost. */
    static int x(int bit) {
        return LABEL_WIDTH + (63 - bit) * CELL;
    }

    private static SvgDiagram.Row row(Interpreter in, View v, int y) {
        Optional<FixedValue> marker = v.fields().isEmpty() ? FixedValue.of(in, v) : Optional.empty();
        long ones = marker.map(FixedValue::value).orElse(0L);
        List<SvgDiagram.Box> cells = new ArrayList<>();
        List<SvgDiagram.Text> texts = new ArrayList<>();
        texts.add(new SvgDiagram.Text(12, y + 22, v.name(), false, "view"));
        texts.add(new SvgDiagram.Text(12, y + 40, "levels " + v.levels().min() + ".." + v.levels().max(), false, "note"));
        for (int bit = 63; bit >= 0; bit--) {
            boolean one = (ones >>> bit & 1) != 0;
            cells.add(new SvgDiagram.Box(x(bit), y, CELL, ROW_HEIGHT, one ? Palette.ONE : Palette.EMPTY, false,
                    one ? "bit " + bit + " is 1 in " + marker.get().name() : ""));
            if (one) {
                texts.add(new SvgDiagram.Text(x(bit) + CELL / 2, y + ROW_HEIGHT / 2 + 4, "1", false, "one"));
            }
        }
        if (marker.isPresent()) {
            texts.add(new SvgDiagram.Text(12, y + 62, "= " + marker.get().name(), false, "note"));
            texts.add(new SvgDiagram.Text(12, y + 80, Bits.hex16(marker.get().value()), false, "note"));
        } else if (v.fields().isEmpty()) {
            texts.add(new SvgDiagram.Text(12, y + 62, "no fields", false, "note"));
        }
        List<SvgDiagram.Box> boxes = new ArrayList<>();
        List<String> names = new ArrayList<>(in.layout().fields().keySet());
        for (String name : v.fields()) {
            Field f = in.layout().field(name);
            FieldBits bits = in.field(name);
            String fill = Palette.fill(f.role(), names.indexOf(name));
            String tooltip = name + ": " + (bits.width() == 1 ? "bit " : "bits ") + parts(bits) + ", " + f.role().name().toLowerCase(Locale.ROOT)
                    + (f.enumType().isPresent() ? ", enum " + f.enumType().get() : "") + ". " + f.doc();
            for (FieldBits.Part p : bits.parts()) {
                int left = x(p.high());
                int w = p.width() * CELL;
                boxes.add(new SvgDiagram.Box(left, y, w, ROW_HEIGHT, fill, f.role() == Field.Role.SOFTWARE, tooltip));
                texts.add(label(name, left, y, w));
            }
        }
        return new SvgDiagram.Row(v.name(), y, ROW_HEIGHT, cells, boxes, texts);
    }

    /** The field's name across its box if it fits, else upright along it. */
    private static SvgDiagram.Text label(String name, int left, int y, int w) {
        int cx = left + w / 2;
        if (name.length() * CHAR_WIDTH + 6 <= w) {
            return new SvgDiagram.Text(cx, y + ROW_HEIGHT / 2 + 4, name, false, "field");
        }
        return new SvgDiagram.Text(cx + 4, y + ROW_HEIGHT / 2, name, true, "field");
    }

    private static String parts(FieldBits bits) {
        return String.join(", ", bits.parts().stream().map(FieldBits.Part::toString).toList());
    }

    private static List<SvgDiagram.LegendItem> legend(int y) {
        String[][] items = {
            {Palette.HARDWARE.get(0), "no", "hardware field"},
            {Palette.SOFTWARE.get(0), "yes", "software field (hatched: KVM's own bits, ignored by the hardware)"},
            {Palette.ADDRESS, "no", "physical address bits"},
            {Palette.ONE, "no", "bit that is 1 in a marker value"},
        };
        List<SvgDiagram.LegendItem> out = new ArrayList<>();
        int x = LABEL_WIDTH;
        for (String[] item : items) {
            SvgDiagram.Box swatch = new SvgDiagram.Box(x, y, 22, 16, item[0], item[1].equals("yes"), "");
            out.add(new SvgDiagram.LegendItem(swatch, new SvgDiagram.Text(x + 30, y + 12, item[2], false, "legend")));
            x += 30 + (int) Math.round(item[2].length() * CHAR_WIDTH) + 28;
        }
        return out;
    }
}
