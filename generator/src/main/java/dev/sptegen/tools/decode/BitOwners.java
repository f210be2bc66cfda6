package dev.sptegen.tools.decode;

import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which fields of a layout cover each bit, the view's own fields first. */
final class BitOwners {
    private BitOwners() {
    }

    static List<SpteReading.SetBit> of(Interpreter in, long value, Optional<View> view) {
        List<SpteReading.SetBit> out = new ArrayList<>();
        for (int bit = 63; bit >= 0; bit--) {
            if ((value >>> bit & 1) == 0) {
                continue;
            }
            List<SpteReading.Owner> inView = new ArrayList<>();
            List<SpteReading.Owner> others = new ArrayList<>();
            for (Field f : in.layout().fields().values()) {
                FieldBits fb = in.field(f.name());
                int index = indexOf(fb, bit);
                if (index < 0) {
                    continue;
                }
                boolean mine = view.isPresent() && view.get().fields().contains(f.name());
                (mine ? inView : others).add(new SpteReading.Owner(f.name(), index, fb.width(), role(f), mine));
            }
            // The hardware's reading of a bit before KVM's software readings of it.
            others.sort(java.util.Comparator.comparing(o -> o.role().equals("software")));
            inView.addAll(others);
            out.add(new SpteReading.SetBit(bit, inView));
        }
        return out;
    }

    static String role(Field f) {
        return f.role().name().toLowerCase(Locale.ROOT);
    }

    /** Position of a word bit in the field's value, or -1 if the field does not cover it. */
    private static int indexOf(FieldBits fb, int bit) {
        int offset = 0;
        for (FieldBits.Part p : fb.parts()) {
            if (bit >= p.low() && bit <= p.high()) {
                return offset + bit - p.low();
            }
            offset += p.width();
        }
        return -1;
    }

    /** Bits covered by any of the named fields. */
    static long mask(Interpreter in, Iterable<String> fields) {
        long m = 0;
        for (String f : fields) {
            m |= in.field(f).mask();
        }
        return m;
    }
}
