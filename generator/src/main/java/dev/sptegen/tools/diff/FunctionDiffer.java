package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Functions added, removed or renamed; arguments added, removed or re-typed; and functions whose
 * meaning changed, with an input that shows it. Meaning is decided by evaluation, never by the text
 * of the definition: a rewritten definition with the same results is not reported.
 */
final class FunctionDiffer {
    private FunctionDiffer() {
    }

    static void diff(ProfileComparison pc, List<Change> out) {
        Renames renames = pc.renames();
        for (Function fb : pc.newLayout().functions().values()) {
            String oldName = renames.toOld(fb.name());
            Function fa = pc.oldLayout().functions().get(oldName);
            if (fa == null) {
                out.add(new Change(Section.FUNCTION, ChangeKind.ADDED, fb.name(), Optional.empty(), headline(fb),
                        List.of(new Delta("doc", "", fb.doc())), Optional.empty(), Cause.NONE));
            } else if (!oldName.equals(fb.name())) {
                out.add(Change.renamed(Section.FUNCTION, oldName, fb.name(), "same meaning in every profile"));
            } else {
                changed(pc, fa, fb).ifPresent(out::add);
            }
        }
        for (Function fa : pc.oldLayout().functions().values()) {
            if (!pc.newLayout().functions().containsKey(renames.toNew(fa.name()))) {
                out.add(new Change(Section.FUNCTION, ChangeKind.REMOVED, fa.name(), Optional.empty(), headline(fa),
                        List.of(new Delta("doc", fa.doc(), "")), Optional.empty(), Cause.NONE));
            }
        }
    }

    /** {@code predicate is_ept_ve_possible(spte)}. */
    private static String headline(Function f) {
        return Describe.kind(f.kind()) + " " + Describe.signature(f);
    }

    private static Optional<Change> changed(ProfileComparison pc, Function fa, Function fb) {
        List<Delta> deltas = new ArrayList<>();
        if (fa.kind() != fb.kind()) {
            deltas.add(new Delta("kind", Describe.kind(fa.kind()), Describe.kind(fb.kind())));
        }
        List<String> heldAt = arguments(pc, fa, fb, deltas);
        if (fa.returns() != fb.returns()) {
            deltas.add(new Delta("returns", fa.returns().toString(), fb.returns().toString()));
        }
        if (!fa.returnsEnum().equals(fb.returnsEnum())) {
            deltas.add(new Delta("returns enum", fa.returnsEnum().orElse("none"), fb.returnsEnum().orElse("none")));
        }
        deltas.addAll(Conjuncts.diff(pc.equivalence(), fa.requires(), fb.requires()));
        Optional<Example> example = pc.functionChange(fb.name());
        if (example.isEmpty() && deltas.isEmpty()) {
            return Optional.empty();
        }
        String summary;
        Cause cause = Cause.NONE;
        if (example.isPresent()) {
            summary = "meaning changed" + (heldAt.isEmpty() ? "" : " (compared with " + String.join(", ", heldAt) + ")");
            cause = pc.cause(definition(fa), definition(fb));
        } else {
            summary = "signature changed";
        }
        return Optional.of(Change.changed(Section.FUNCTION, fb.name(), summary, deltas, example, cause));
    }

    /** Argument deltas; returns how arguments only the new side has were held ({@code synchronizing=false}). */
    private static List<String> arguments(ProfileComparison pc, Function fa, Function fb, List<Delta> deltas) {
        List<String> heldAt = new ArrayList<>();
        for (Arg ab : fb.args()) {
            Optional<Arg> aa = fa.arg(ab.name());
            String after = Describe.domain(pc.after(), ab.domain());
            if (aa.isEmpty()) {
                deltas.add(new Delta("argument " + ab.name(), "", after));
                ArgSlot slot = new ArgSlot(pc.after(), ab);
                heldAt.add(ab.name() + "=" + slot.format(slot.neutral()));
            } else {
                String before = Describe.domain(pc.before(), aa.get().domain());
                if (!before.equals(after)) {
                    deltas.add(new Delta("argument " + ab.name(), before, after));
                }
            }
        }
        for (Arg aa : fa.args()) {
            if (fb.arg(aa.name()).isEmpty()) {
                deltas.add(new Delta("argument " + aa.name(), Describe.domain(pc.before(), aa.domain()), ""));
            }
        }
        return heldAt;
    }

    private static List<Expr> definition(Function f) {
        List<Expr> parts = new ArrayList<>();
        parts.add(f.body());
        f.requires().ifPresent(parts::add);
        return parts;
    }
}
