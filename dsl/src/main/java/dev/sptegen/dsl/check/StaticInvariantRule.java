package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Invariant;

/** Every static invariant holds for the profile's constants (what the kernel checks with static_assert). */
final class StaticInvariantRule {
    private StaticInvariantRule() {
    }

    static void check(Interpreter in, Problems problems) {
        for (Invariant i : in.layout().invariants().values()) {
            if (!i.isStatic()) {
                continue;
            }
            try {
                String why = Explain.ifFalse(in, i.claim(), Frame.EMPTY);
                if (why != null) {
                    problems.add(i, "static-invariant", why + ": violates \"" + i.doc() + "\"");
                }
            } catch (EvalException e) {
                problems.add(i, "evaluation", e.getMessage());
            }
        }
    }
}
