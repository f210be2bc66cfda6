package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Invariants added, removed or renamed, and invariants whose scope or claim was rewritten. */
final class InvariantDiffer {
    private InvariantDiffer() {
    }

    static void diff(ProfileComparison pc, List<Change> out) {
        Renames renames = pc.renames();
        for (Invariant ib : pc.newLayout().invariants().values()) {
            String oldName = renames.toOld(ib.name());
            Invariant ia = pc.oldLayout().invariants().get(oldName);
            if (ia == null) {
                out.add(new Change(Section.INVARIANT, ChangeKind.ADDED, ib.name(), Optional.empty(), ib.doc(),
                        describe(ib, false), Optional.empty(), Cause.NONE));
            } else if (!oldName.equals(ib.name())) {
                out.add(Change.renamed(Section.INVARIANT, oldName, ib.name(), "same claim in every profile"));
            } else {
                changed(pc, ia, ib).ifPresent(out::add);
            }
        }
        for (Invariant ia : pc.oldLayout().invariants().values()) {
            if (!pc.newLayout().invariants().containsKey(renames.toNew(ia.name()))) {
                out.add(new Change(Section.INVARIANT, ChangeKind.REMOVED, ia.name(), Optional.empty(), ia.doc(),
                        describe(ia, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    /** Whether two invariants state the same claim over the same scope, reading names through the renames. */
    static boolean same(ProfileComparison pc, Invariant ia, Invariant ib) {
        return sameScope(pc.renames(), ia.scope(), ib.scope()) && sameClaim(pc, ia.claim(), ib.claim());
    }

    private static Optional<Change> changed(ProfileComparison pc, Invariant ia, Invariant ib) {
        List<Delta> deltas = new ArrayList<>();
        if (!sameScope(pc.renames(), ia.scope(), ib.scope())) {
            deltas.add(new Delta("scope", Describe.scope(ia.scope()), Describe.scope(ib.scope())));
        }
        if (!sameClaim(pc, ia.claim(), ib.claim())) {
            deltas.add(new Delta("claim", Describe.claim(ia.claim()), Describe.claim(ib.claim())));
        }
        if (deltas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Change.changed(Section.INVARIANT, ib.name(), ib.doc(), deltas, Optional.empty(),
                Cause.NONE));
    }

    private static boolean sameClaim(ProfileComparison pc, Claim x, Claim y) {
        return x.getClass() == y.getClass() && pc.equivalence().sameText(x.asCondition(), y.asCondition());
    }

    private static boolean sameScope(Renames renames, Scope x, Scope y) {
        if (x instanceof Scope.EveryValue v && y instanceof Scope.EveryValue w) {
            return renames.toNew(v.view()).equals(w.view());
        } else if (x instanceof Scope.EveryProduced v && y instanceof Scope.EveryProduced w) {
            return renames.toNew(v.view()).equals(w.view());
        } else if (x instanceof Scope.EveryCall v && y instanceof Scope.EveryCall w) {
            return renames.toNew(v.function()).equals(w.function());
        }
        return x instanceof Scope.Constants && y instanceof Scope.Constants;
    }

    private static List<Delta> describe(Invariant i, boolean old) {
        return List.of(ConstantDiffer.one(old, "scope", Describe.scope(i.scope())),
                ConstantDiffer.one(old, "claim", Describe.claim(i.claim())));
    }
}
