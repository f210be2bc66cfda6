package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.ExprPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Constants and masks whose value in the profile changed, with old and new value in hex and as bits. */
final class ConstantDiffer {
    private ConstantDiffer() {
    }

    static void diff(ProfileComparison pc, List<Change> out) {
        Renames renames = pc.renames();
        for (Constant cb : pc.newLayout().constants().values()) {
            String oldName = renames.toOld(cb.name());
            Constant ca = pc.oldLayout().constants().get(oldName);
            if (ca == null) {
                out.add(new Change(Section.CONSTANT, ChangeKind.ADDED, cb.name(), Optional.empty(),
                        Describe.kind(cb.kind()), describe(pc.after(), cb, false), Optional.empty(), Cause.NONE));
            } else if (!oldName.equals(cb.name())) {
                out.add(Change.renamed(Section.CONSTANT, oldName, cb.name(), "same value in every profile"));
            } else {
                changed(pc, ca, cb).ifPresent(out::add);
            }
        }
        for (Constant ca : pc.oldLayout().constants().values()) {
            if (!pc.newLayout().constants().containsKey(renames.toNew(ca.name()))) {
                out.add(new Change(Section.CONSTANT, ChangeKind.REMOVED, ca.name(), Optional.empty(),
                        Describe.kind(ca.kind()), describe(pc.before(), ca, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    private static Optional<Change> changed(ProfileComparison pc, Constant ca, Constant cb) {
        long va = pc.before().constant(ca.name());
        long vb = pc.after().constant(cb.name());
        if (va == vb && ca.kind() == cb.kind()) {
            return Optional.empty();
        }
        List<Delta> deltas = new ArrayList<>();
        if (ca.kind() != cb.kind()) {
            deltas.add(new Delta("kind", Describe.kind(ca.kind()), Describe.kind(cb.kind())));
        }
        deltas.add(new Delta("value", Describe.value(ca.kind(), va), Describe.value(cb.kind(), vb)));
        String summary = "";
        if (Describe.hasBits(ca.kind()) || Describe.hasBits(cb.kind())) {
            deltas.add(new Delta("bits", Bits.list(va), Bits.list(vb)));
            summary = Describe.bitChange(va, vb);
        }
        Cause cause = pc.cause(List.of(ca.value()), List.of(cb.value()));
        if (cause.redefined()) {
            deltas.add(new Delta("definition", ExprPrinter.print(ca.value()), ExprPrinter.print(cb.value())));
        }
        return Optional.of(Change.changed(Section.CONSTANT, cb.name(), summary, deltas, Optional.empty(), cause));
    }

    /** Value, bits and definition of a constant only one side has; on the old side for a removal. */
    private static List<Delta> describe(Interpreter in, Constant c, boolean old) {
        long v = in.constant(c.name());
        List<Delta> deltas = new ArrayList<>();
        deltas.add(one(old, "value", Describe.value(c.kind(), v)));
        if (Describe.hasBits(c.kind())) {
            deltas.add(one(old, "bits", Bits.list(v)));
        }
        deltas.add(one(old, "definition", ExprPrinter.print(c.value())));
        deltas.add(one(old, "doc", c.doc()));
        return deltas;
    }

    /** A property only the old side ({@code old}) or only the new side has. */
    static Delta one(boolean old, String property, String text) {
        return old ? new Delta(property, text, "") : new Delta(property, "", text);
    }
}
