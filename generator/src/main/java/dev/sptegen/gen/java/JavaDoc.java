package dev.sptegen.gen.java;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;

/** Javadoc text for generated code: escaped, with the bit layout as tables a person can check against spte.h. */
final class JavaDoc {
    private JavaDoc() {
    }

    /** Escapes text for Javadoc HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /** {@code <code>...</code>} of a spec expression. */
    static String code(String expr) {
        return "<code>" + escape(expr) + "</code>";
    }

    /** One table per view: the bits of each field in that view. */
    static String layout(Interpreter in) {
        StringBuilder b = new StringBuilder();
        for (View v : in.layout().views().values()) {
            b.append("<p>View <b>").append(v.name()).append("</b> (levels ").append(v.levels().min()).append('-')
                    .append(v.levels().max()).append("): ").append(escape(v.doc())).append(".\n");
            if (v.fields().isEmpty()) {
                continue;
            }
            b.append("<pre>\n");
            List<String> rows = new ArrayList<>();
            List<String> names = new ArrayList<>(v.fields());
            names.sort(java.util.Comparator.comparingInt(n -> in.field(n).parts().get(0).low()));
            for (String name : names) {
                Field f = in.layout().field(name);
                FieldBits bits = in.field(name);
                rows.add(String.format("%-12s %-20s %-9s %s", partsText(bits), name, f.role().name().toLowerCase(java.util.Locale.ROOT),
                        escape(f.doc())));
            }
            rows.forEach(r -> b.append(r).append('\n'));
            b.append("</pre>\n");
        }
        return b.toString();
    }

    static String partsText(FieldBits bits) {
        return String.join(",", bits.parts().stream().map(p -> p.high() == p.low() ? Integer.toString(p.low())
                : p.high() + ":" + p.low()).toList());
    }

    /** What values an argument takes, for {@code @param}. */
    static String domain(Interpreter in, Arg a) {
        ArgDomain d = a.domain();
        if (d instanceof ArgDomain.Word) {
            return "a 64-bit SPTE";
        } else if (d instanceof ArgDomain.Bits bits) {
            long w = in.eval(bits.width(), Frame.EMPTY);
            return (bits.address() ? "an address of " : "a value of ") + w + " bits";
        } else if (d instanceof ArgDomain.Range r) {
            return r.min() + " to " + r.max();
        } else if (d instanceof ArgDomain.Flag) {
            return "a flag";
        } else if (d instanceof ArgDomain.OfEnum e) {
            return "a code of " + e.enumName();
        }
        return "an SPTE made by the makers of view " + ((ArgDomain.Produced) d).view();
    }

    static String bits(long v) {
        return Bits.list(v);
    }
}
