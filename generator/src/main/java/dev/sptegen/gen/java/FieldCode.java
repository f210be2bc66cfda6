package dev.sptegen.gen.java;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import java.util.ArrayList;
import java.util.List;

/**
 * Java for reading and writing a field. A part that ends at bit 63 is a single shift; a narrow part
 * (up to 31 bits) is a shift and a mask that fits an instruction's 32-bit immediate; a wide part is two
 * shifts, which avoids loading a 64-bit mask constant.
 */
final class FieldCode {
    private FieldCode() {
    }

    static String get(FieldBits bits, String word) {
        List<String> parts = new ArrayList<>();
        int offset = 0;
        for (FieldBits.Part p : bits.parts()) {
            String part;
            String shifted = p.low() == 0 ? word : "(" + word + " >>> " + p.low() + ")";
            if (p.high() == 63) {
                part = word + " >>> " + p.low();
            } else if (p.width() <= 31) {
                part = shifted + " & " + JavaExpr.literal((1L << p.width()) - 1, JavaType.LONG);
            } else {
                part = "(" + word + " << " + (63 - p.high()) + ") >>> " + (63 - p.high() + p.low());
            }
            parts.add(offset == 0 ? part : "(" + part + ") << " + offset);
            offset += p.width();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(" | ", parts.stream().map(s -> "(" + s + ")").toList());
    }

    static String with(FieldBits bits, String word, String value) {
        StringBuilder b = new StringBuilder("(" + word + " & ~" + JavaExpr.literal(bits.mask(), JavaType.LONG) + ")");
        int offset = 0;
        for (FieldBits.Part p : bits.parts()) {
            String v = offset == 0 ? value : "(" + value + " >>> " + offset + ")";
            String moved = p.low() == 0 ? v : "(" + v + " << " + p.low() + ")";
            b.append(" | (").append(moved).append(" & ").append(JavaExpr.literal(p.mask(), JavaType.LONG)).append(')');
            offset += p.width();
        }
        return b.toString();
    }

    static String describe(FieldBits bits) {
        return "bits " + JavaDoc.partsText(bits) + " (mask " + Bits.hex16(bits.mask()) + ")";
    }
}
