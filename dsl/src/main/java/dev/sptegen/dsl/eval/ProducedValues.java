package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.View;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bounded sample of the values a view's makers produce, for arguments whose domain is
 * "an SPTE of this view" (the input of mark_spte_for_access_track).
 */
final class ProducedValues {
    /** At most this many distinct values per view. */
    static final int LIMIT = 4096;

    private final Interpreter interpreter;
    private final CaseSpace.Budget budget;

    ProducedValues(Interpreter interpreter, CaseSpace.Budget budget) {
        this.interpreter = interpreter;
        // Producers are sampled with a smaller budget: their own tests cover them fully.
        this.budget = new CaseSpace.Budget(Math.min(budget.exhaustiveBits(), 14), 8, budget.seed());
    }

    long[] of(String viewName) {
        return interpreter.memo(List.of("produced", viewName, budget), () -> compute(viewName));
    }

    private long[] compute(String viewName) {
        View view = interpreter.layout().view(viewName);
        Set<Long> out = new LinkedHashSet<>();
        for (String maker : view.producers()) {
            Function f = interpreter.layout().function(maker);
            int level = f.argIndex(View.LEVEL);
            CaseSpace.of(interpreter, f, budget).forEach(args -> {
                long spte = interpreter.call(maker, args);
                long lvl = level >= 0 ? args[level] : view.levels().min();
                if (interpreter.test(view.predicate(), Frame.of(View.args(), spte, lvl))) {
                    out.add(spte);
                }
                return out.size() < LIMIT;
            });
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
