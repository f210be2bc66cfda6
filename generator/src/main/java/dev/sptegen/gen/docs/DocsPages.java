package dev.sptegen.gen.docs;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the Markdown page model of one spec and profile from its interpreter. */
final class DocsPages {
    private DocsPages() {
    }

    static DocsPage of(Interpreter in, String svgFile) {
        Spec spec = in.spec();
        return new DocsPage(spec.name(), spec.kernel(), spec.parent().orElse(""), Markdown.cell(spec.summary()),
                in.profile().name(), Markdown.cell(in.profile().doc()), in.profile().vendor().id(), parameters(in),
                svgFile, views(in), fields(in), constants(in));
    }

    /** {@code maxphyaddr=46, ept_ad=true, ...}, bound values first as the profile states them. */
    private static String parameters(Interpreter in) {
        Spec spec = in.spec();
        return spec.parameterValues(in.profile()).entrySet().stream()
                .map(e -> "`" + e.getKey() + "=" + spec.parameters().get(e.getKey()).format(e.getValue()) + "`"
                        + (in.profile().bindings().containsKey(e.getKey()) ? " (set by the profile)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static List<DocsPage.ViewRow> views(Interpreter in) {
        List<DocsPage.ViewRow> rows = new ArrayList<>();
        for (View v : in.layout().views().values()) {
            rows.add(new DocsPage.ViewRow(v.name(), v.levels().min() + ".." + v.levels().max(),
                    Markdown.code(ExprPrinter.print(v.predicate())),
                    v.fields().isEmpty() ? "none" : Markdown.cell(String.join(", ", v.fields())), Markdown.cell(v.doc())));
        }
        return rows;
    }

    private static List<DocsPage.FieldRow> fields(Interpreter in) {
        List<DocsPage.FieldRow> rows = new ArrayList<>();
        Map<String, EnumType> enums = in.spec().enums();
        for (Field f : in.layout().fields().values()) {
            FieldBits bits = in.field(f.name());
            String values = f.enumType().map(enums::get)
                    .map(t -> t.values().stream().map(v -> v.name() + "=" + v.code()).collect(Collectors.joining(", ")))
                    .orElse(bits.width() == 1 ? "0, 1" : "0.." + Bits.hex(bits.width() >= 64 ? -1L : (1L << bits.width()) - 1));
            rows.add(new DocsPage.FieldRow(f.name(), bits.parts().stream().map(FieldBits.Part::toString)
                    .collect(Collectors.joining(", ")), f.role().name().toLowerCase(Locale.ROOT),
                    Markdown.cell(values), Markdown.cell(f.doc())));
        }
        return rows;
    }

    private static List<DocsPage.ConstantRow> constants(Interpreter in) {
        List<DocsPage.ConstantRow> rows = new ArrayList<>();
        for (Constant c : in.layout().constants().values()) {
            long v = in.constant(c.name());
            boolean bits = c.kind() == Constant.Kind.MASK || c.kind() == Constant.Kind.VALUE;
            String value = switch (c.kind()) {
                case MASK, VALUE -> Bits.hex(v);
                case NUMBER -> Long.toString(v);
                case FLAG -> Boolean.toString(v != 0);
            };
            rows.add(new DocsPage.ConstantRow(c.name(), c.kind().name().toLowerCase(Locale.ROOT), Markdown.code(value),
                    bits ? Bits.list(v) : "", Markdown.code(ExprPrinter.print(c.value())), Markdown.cell(c.doc())));
        }
        return rows;
    }
}
