package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SPTE values worth trying on any comparison: 0, all ones, and the value of every mask and value
 * constant of both specs in the profile (non-present values, frozen markers, MMIO values, ...),
 * fewest bits first so that the first difference found is the simplest to read.
 */
final class SeedValues {
    private SeedValues() {
    }

    static long[] of(Interpreter a, Interpreter b) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(0L);
        out.add(-1L);
        add(a, out);
        add(b, out);
        return out.stream()
                .sorted(Comparator.comparingInt(Long::bitCount).thenComparing(Long::compareUnsigned))
                .mapToLong(Long::longValue).toArray();
    }

    private static void add(Interpreter in, Set<Long> out) {
        for (Constant c : in.layout().constants().values()) {
            if (Describe.hasBits(c.kind())) {
                try {
                    out.add(in.constant(c.name()));
                } catch (EvalException e) {
                    // a constant that cannot be evaluated is reported elsewhere; it is no seed
                }
            }
        }
    }
}
