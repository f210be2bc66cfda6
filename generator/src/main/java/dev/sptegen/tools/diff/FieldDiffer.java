package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Fields that moved, were resized, changed role or enumeration, or came and went. */
final class FieldDiffer {
    private FieldDiffer() {
    }

    static void diff(ProfileComparison pc, List<Change> out) {
        Renames renames = pc.renames();
        for (Field fb : pc.newLayout().fields().values()) {
            String oldName = renames.toOld(fb.name());
            Field fa = pc.oldLayout().fields().get(oldName);
            if (fa == null) {
                out.add(new Change(Section.FIELD, ChangeKind.ADDED, fb.name(), Optional.empty(), role(fb),
                        describe(pc.after(), fb, false), Optional.empty(), Cause.NONE));
            } else if (!oldName.equals(fb.name())) {
                out.add(Change.renamed(Section.FIELD, oldName, fb.name(), "same bits in every profile"));
            } else {
                changed(pc, fa, fb).ifPresent(out::add);
            }
        }
        for (Field fa : pc.oldLayout().fields().values()) {
            if (!pc.newLayout().fields().containsKey(renames.toNew(fa.name()))) {
                out.add(new Change(Section.FIELD, ChangeKind.REMOVED, fa.name(), Optional.empty(), role(fa),
                        describe(pc.before(), fa, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    private static Optional<Change> changed(ProfileComparison pc, Field fa, Field fb) {
        FieldBits ba = pc.before().field(fa.name());
        FieldBits bb = pc.after().field(fb.name());
        List<Delta> deltas = new ArrayList<>();
        String summary = "";
        if (!ba.parts().equals(bb.parts())) {
            deltas.add(new Delta("bits", parts(ba), parts(bb)));
            boolean resized = ba.width() != bb.width();
            boolean moved = ba.parts().get(0).low() != bb.parts().get(0).low();
            summary = resized && moved ? "moved and resized" : resized ? "resized" : "moved";
            if (resized) {
                deltas.add(new Delta("width", Integer.toString(ba.width()), Integer.toString(bb.width())));
            }
        }
        if (fa.role() != fb.role()) {
            deltas.add(new Delta("role", role(fa), role(fb)));
        }
        if (!fa.enumType().equals(fb.enumType())) {
            deltas.add(new Delta("enum", fa.enumType().orElse("none"), fb.enumType().orElse("none")));
        }
        if (deltas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Change.changed(Section.FIELD, fb.name(), summary, deltas, Optional.empty(), Cause.NONE));
    }

    private static List<Delta> describe(Interpreter in, Field f, boolean old) {
        List<Delta> deltas = new ArrayList<>();
        deltas.add(ConstantDiffer.one(old, "bits", parts(in.field(f.name()))));
        f.enumType().ifPresent(e -> deltas.add(ConstantDiffer.one(old, "enum", e)));
        deltas.add(ConstantDiffer.one(old, "doc", f.doc()));
        return deltas;
    }

    static String role(Field f) {
        return f.role().name().toLowerCase(Locale.ROOT);
    }

    /** {@code 3-10, 52-62}, most significant part last as declared. */
    static String parts(FieldBits bits) {
        return bits.parts().stream().map(FieldBits.Part::toString).collect(Collectors.joining(", "));
    }
}
