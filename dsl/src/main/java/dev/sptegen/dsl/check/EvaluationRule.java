package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Field;

/**
 * Every constant and every field has a value in the profile: no GENMASK with its ends swapped, no
 * shift by 64, no bit outside the word.
 */
final class EvaluationRule {
    private EvaluationRule() {
    }

    /** Returns false if something has no value; later rules then skip the profile. */
    static boolean check(Interpreter in, Problems problems) {
        boolean ok = true;
        for (Field f : in.layout().fields().values()) {
            try {
                in.field(f.name());
                if (f.width().isPresent()) {
                    in.eval(f.width().get(), Frame.EMPTY);
                }
            } catch (EvalException e) {
                // The interpreter names the field; the problem already does.
                problems.add(f, "bit-range", e.getMessage().replaceFirst("^field " + f.name() + ": ", ""));
                ok = false;
            }
        }
        for (Constant c : in.layout().constants().values()) {
            try {
                in.constant(c.name());
            } catch (EvalException e) {
                problems.add(c, "evaluation", e.getMessage());
                ok = false;
            }
        }
        return ok;
    }
}
