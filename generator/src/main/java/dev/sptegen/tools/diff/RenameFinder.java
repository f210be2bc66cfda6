package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds renames: an element of the old spec that is gone from the new one, and exactly one new
 * element of the same kind that exists in exactly the same profiles and has the same definition in
 * each (same bits, same value, same meaning, same claim). Kinds are matched in dependency order, so
 * a function that reads a renamed constant can itself be recognised as renamed.
 */
final class RenameFinder {
    /** One compared profile: its name and both sides' interpreters. */
    record Pair(String profile, Interpreter a, Interpreter b) {
    }

    /** Whether element {@code x} of the old layout and {@code y} of the new one are the same thing. */
    @FunctionalInterface
    private interface Same {
        boolean test(ProfileComparison pc, String x, String y);
    }

    /** The elements of one kind in a layout. */
    @FunctionalInterface
    private interface Members {
        Map<String, ?> apply(Layout layout);
    }

    private final List<Pair> pairs;
    private final Renames renames = new Renames();

    private RenameFinder(List<Pair> pairs) {
        this.pairs = pairs;
    }

    static Renames find(List<Pair> pairs) {
        RenameFinder f = new RenameFinder(pairs);
        f.kind(Layout::fields, RenameFinder::sameField);
        f.kind(Layout::constants, RenameFinder::sameConstant);
        f.kind(Layout::functions, RenameFinder::sameFunction);
        f.kind(Layout::views, RenameFinder::sameView);
        f.kind(Layout::invariants, (pc, x, y) -> InvariantDiffer.same(pc,
                pc.oldLayout().invariants().get(x), pc.newLayout().invariants().get(y)));
        return f.renames;
    }

    private void kind(Members members, Same same) {
        List<ProfileComparison> comparisons = pairs.stream()
                .map(p -> new ProfileComparison(p.profile(), p.a(), p.b(), renames)).toList();
        Set<String> removed = new LinkedHashSet<>();
        Set<String> added = new LinkedHashSet<>();
        for (ProfileComparison pc : comparisons) {
            for (String x : members.apply(pc.oldLayout()).keySet()) {
                if (pc.newLayout().element(x).isEmpty()) {
                    removed.add(x);
                }
            }
            for (String y : members.apply(pc.newLayout()).keySet()) {
                if (pc.oldLayout().element(y).isEmpty()) {
                    added.add(y);
                }
            }
        }
        List<String[]> matches = new ArrayList<>();
        for (String x : removed) {
            for (String y : added) {
                if (matches(comparisons, members, same, x, y)) {
                    matches.add(new String[] {x, y});
                }
            }
        }
        for (String[] m : matches) {
            long sameOld = matches.stream().filter(n -> n[0].equals(m[0])).count();
            long sameNew = matches.stream().filter(n -> n[1].equals(m[1])).count();
            if (sameOld == 1 && sameNew == 1) {
                renames.add(m[0], m[1]);
            }
        }
    }

    private static boolean matches(List<ProfileComparison> comparisons, Members members,
                                   Same same, String x, String y) {
        boolean anywhere = false;
        for (ProfileComparison pc : comparisons) {
            boolean hasOld = members.apply(pc.oldLayout()).containsKey(x);
            boolean hasNew = members.apply(pc.newLayout()).containsKey(y);
            if (hasOld != hasNew) {
                return false;
            }
            if (hasOld) {
                if (!same.test(pc, x, y)) {
                    return false;
                }
                anywhere = true;
            }
        }
        return anywhere;
    }

    private static boolean sameField(ProfileComparison pc, String x, String y) {
        Field fa = pc.oldLayout().fields().get(x);
        Field fb = pc.newLayout().fields().get(y);
        return fa.role() == fb.role() && pc.equivalence().sameFieldBits(x, y);
    }

    private static boolean sameConstant(ProfileComparison pc, String x, String y) {
        Constant ca = pc.oldLayout().constants().get(x);
        Constant cb = pc.newLayout().constants().get(y);
        return ca.kind() == cb.kind() && pc.equivalence().sameConstantValue(x, y);
    }

    private static boolean sameFunction(ProfileComparison pc, String x, String y) {
        dev.sptegen.dsl.model.Function fa = pc.oldLayout().functions().get(x);
        dev.sptegen.dsl.model.Function fb = pc.newLayout().functions().get(y);
        if (fa.kind() != fb.kind() || fa.returns() != fb.returns() || !pc.equivalence().sameArgs(fa.args(), fb.args(), true)) {
            return false;
        }
        return pc.equivalence().sameFunction(fa, fb)
                || pc.meaning().firstDifference(Subject.of(fa), Subject.of(fb)).isEmpty();
    }

    private static boolean sameView(ProfileComparison pc, String x, String y) {
        View va = pc.oldLayout().views().get(x);
        View vb = pc.newLayout().views().get(y);
        Renames r = pc.renames();
        return va.fields().stream().map(r::toNew).toList().equals(vb.fields())
                && va.producers().stream().map(r::toNew).toList().equals(vb.producers())
                && ViewDiffer.predicateChange(pc, va, vb).isEmpty();
    }
}
