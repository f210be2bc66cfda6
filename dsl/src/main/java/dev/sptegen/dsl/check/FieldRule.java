package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.View;
import java.util.List;

/**
 * Field placement in one profile: the parts of a field do not overlap and add up to its declared
 * width, enumeration codes fit the field, and the fields of a view do not overlap each other.
 */
final class FieldRule {
    private FieldRule() {
    }

    static void check(Interpreter in, Problems problems) {
        for (Field f : in.layout().fields().values()) {
            FieldBits bits = in.field(f.name());
            long seen = 0;
            for (FieldBits.Part p : bits.parts()) {
                long overlap = seen & p.mask();
                if (overlap != 0) {
                    problems.add(f, "overlap", "part " + p + " overlaps another part of the same field at bit(s) "
                            + Bits.list(overlap));
                }
                seen |= p.mask();
            }
            if (f.width().isPresent()) {
                long declared = in.eval(f.width().get(), Frame.EMPTY);
                if (declared != bits.width()) {
                    problems.add(f, "split-width", "parts " + partsText(bits) + " add up to " + bits.width()
                            + " bit(s), but the field is declared " + declared + " bit(s) wide");
                }
            }
            if (f.enumType().isPresent()) {
                EnumType e = in.spec().enums().get(f.enumType().get());
                for (EnumType.Value v : e.values()) {
                    if (bits.width() < 64 && v.code() >>> bits.width() != 0) {
                        problems.add(f, "enum-width", "enum " + e.name() + " value " + v.name() + " = " + v.code()
                                + " does not fit the field's " + bits.width() + " bit(s) " + partsText(bits));
                    }
                }
            }
        }
        for (View v : in.layout().views().values()) {
            List<String> names = v.fields();
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    long overlap = in.field(names.get(i)).mask() & in.field(names.get(j)).mask();
                    if (overlap != 0) {
                        problems.add(v, "overlap", "fields " + names.get(i) + " and " + names.get(j)
                                + " overlap at bit(s) " + Bits.list(overlap));
                    }
                }
            }
        }
    }

    private static String partsText(FieldBits bits) {
        return bits.parts().stream().map(FieldBits.Part::toString).toList().toString();
    }
}
