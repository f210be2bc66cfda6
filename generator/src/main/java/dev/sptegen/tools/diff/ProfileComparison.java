package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One profile seen from both specs: the two interpreters, the renames, and memoized verdicts on
 * which functions changed meaning. Shared by the section differs so that a function is evaluated
 * at most once per profile.
 */
final class ProfileComparison {
    private final String profile;
    private final Interpreter a;
    private final Interpreter b;
    private final Renames renames;
    private final Equivalence equivalence;
    private final MeaningComparison meaning;
    private final Map<String, Optional<Example>> functionVerdicts = new HashMap<>();

    ProfileComparison(String profile, Interpreter a, Interpreter b, Renames renames) {
        this.profile = profile;
        this.a = a;
        this.b = b;
        this.renames = renames;
        this.equivalence = new Equivalence(a, b, renames);
        this.meaning = new MeaningComparison(a, b, SeedValues.of(a, b));
    }

    String profile() {
        return profile;
    }

    Interpreter before() {
        return a;
    }

    Interpreter after() {
        return b;
    }

    Layout oldLayout() {
        return a.layout();
    }

    Layout newLayout() {
        return b.layout();
    }

    Renames renames() {
        return renames;
    }

    Equivalence equivalence() {
        return equivalence;
    }

    MeaningComparison meaning() {
        return meaning;
    }

    /** An input on which a function present on both sides (by its new name) gives another result; empty if none. */
    Optional<Example> functionChange(String newName) {
        Optional<Example> known = functionVerdicts.get(newName);
        if (known != null) {
            return known;
        }
        Function fb = b.layout().functions().get(newName);
        Function fa = a.layout().functions().get(renames.toOld(newName));
        Optional<Example> verdict;
        if (fa == null || fb == null) {
            verdict = Optional.empty();
        } else if (equivalence.sameFunction(fa, fb)) {
            verdict = Optional.empty();
        } else {
            verdict = meaning.firstDifference(Subject.of(fa), Subject.of(fb));
        }
        functionVerdicts.put(newName, verdict);
        return verdict;
    }

    /**
     * Why the value or meaning of an element with these definitions changed: whether the definition
     * itself was rewritten, and which of the names the new definition reads changed.
     */
    Cause cause(List<Expr> before, List<Expr> after) {
        boolean redefined = before.size() != after.size();
        for (int i = 0; !redefined && i < before.size(); i++) {
            redefined = !equivalence.sameText(before.get(i), after.get(i));
        }
        List<String> via = new ArrayList<>();
        for (Expr e : after) {
            References r = References.of(e);
            for (String c : r.constants()) {
                if (!equivalence.sameConstantValue(renames.toOld(c), c)) {
                    addOnce(via, c);
                }
            }
            for (String p : r.parameters()) {
                if (!a.spec().parameters().containsKey(p) || a.param(p) != b.param(p)) {
                    addOnce(via, p);
                }
            }
            for (String f : r.fields()) {
                if (!equivalence.sameFieldBits(renames.toOld(f), f)) {
                    addOnce(via, f);
                }
            }
            for (String f : r.functions()) {
                if (!a.layout().functions().containsKey(renames.toOld(f)) || functionChange(f).isPresent()) {
                    addOnce(via, f);
                }
            }
        }
        return new Cause(redefined, via);
    }

    private static void addOnce(List<String> list, String name) {
        if (!list.contains(name)) {
            list.add(name);
        }
    }
}
