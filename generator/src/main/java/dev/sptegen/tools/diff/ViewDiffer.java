package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Views whose predicate changed meaning, or whose fields, makers or levels changed. */
final class ViewDiffer {
    private ViewDiffer() {
    }

    static void diff(ProfileComparison pc, List<Change> out) {
        Renames renames = pc.renames();
        for (View vb : pc.newLayout().views().values()) {
            String oldName = renames.toOld(vb.name());
            View va = pc.oldLayout().views().get(oldName);
            if (va == null) {
                out.add(new Change(Section.VIEW, ChangeKind.ADDED, vb.name(), Optional.empty(), "view",
                        describe(vb, false), Optional.empty(), Cause.NONE));
            } else if (!oldName.equals(vb.name())) {
                out.add(Change.renamed(Section.VIEW, oldName, vb.name(), "same predicate and fields in every profile"));
            } else {
                changed(pc, va, vb).ifPresent(out::add);
            }
        }
        for (View va : pc.oldLayout().views().values()) {
            if (!pc.newLayout().views().containsKey(renames.toNew(va.name()))) {
                out.add(new Change(Section.VIEW, ChangeKind.REMOVED, va.name(), Optional.empty(), "view",
                        describe(va, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    /** An input on which the two predicates disagree; empty if they mean the same. */
    static Optional<Example> predicateChange(ProfileComparison pc, View va, View vb) {
        if (pc.equivalence().sameMeaning(va.predicate(), vb.predicate())) {
            return Optional.empty();
        }
        return pc.meaning().firstDifference(Subject.of(va), Subject.of(vb));
    }

    private static Optional<Change> changed(ProfileComparison pc, View va, View vb) {
        List<Delta> deltas = new ArrayList<>();
        names(deltas, "fields", renamed(pc, va.fields()), vb.fields());
        names(deltas, "makers", renamed(pc, va.producers()), vb.producers());
        if (!va.levels().equals(vb.levels())) {
            deltas.add(new Delta("levels", levels(va), levels(vb)));
        }
        Optional<Example> example = predicateChange(pc, va, vb);
        if (example.isEmpty() && deltas.isEmpty()) {
            return Optional.empty();
        }
        Cause cause = example.isPresent()
                ? pc.cause(List.of(va.predicate()), List.of(vb.predicate())) : Cause.NONE;
        String summary = example.isPresent() ? "predicate changed meaning" : "";
        return Optional.of(Change.changed(Section.VIEW, vb.name(), summary, deltas, example, cause));
    }

    private static List<String> renamed(ProfileComparison pc, List<String> oldNames) {
        return oldNames.stream().map(pc.renames()::toNew).toList();
    }

    /** {@code fields added: ept_xu} and {@code fields removed: ...}, in declaration order. */
    private static void names(List<Delta> deltas, String what, List<String> before, List<String> after) {
        List<String> added = after.stream().filter(n -> !before.contains(n)).toList();
        List<String> removed = before.stream().filter(n -> !after.contains(n)).toList();
        if (!removed.isEmpty()) {
            deltas.add(new Delta(what + " removed", String.join(", ", removed), ""));
        }
        if (!added.isEmpty()) {
            deltas.add(new Delta(what + " added", "", String.join(", ", added)));
        }
    }

    private static String levels(View v) {
        return v.levels().min() + ".." + v.levels().max();
    }

    private static List<Delta> describe(View v, boolean old) {
        return List.of(ConstantDiffer.one(old, "predicate", dev.sptegen.dsl.model.ExprPrinter.print(v.predicate())),
                ConstantDiffer.one(old, "fields", Describe.names(v.fields())),
                ConstantDiffer.one(old, "doc", v.doc()));
    }
}
