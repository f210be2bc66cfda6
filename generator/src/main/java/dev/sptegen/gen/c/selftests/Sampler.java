package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Function;
import java.util.ArrayList;
import java.util.List;

/**
 * A few inputs of a function for the C vector tables: the function's case space (the bits its
 * result depends on, from the spec) cut down to evenly spaced picks, so the table stays small and
 * the same on every run.
 */
final class Sampler {
    /** Seed of every random choice, so that the tables are byte-for-byte reproducible. */
    static final long SEED = 0x5b7e5eedL;
    private static final int POOL = 1024;

    private Sampler() {
    }

    static List<long[]> inputs(Interpreter in, Function f, int count) {
        List<long[]> pool = new ArrayList<>();
        CaseSpace.of(in, f, new CaseSpace.Budget(12, 8, SEED)).forEach(args -> {
            pool.add(args.clone());
            return pool.size() < POOL;
        });
        return spread(pool, count);
    }

    /** {@code count} elements evenly spaced over the list, first and last included. */
    static <T> List<T> spread(List<T> all, int count) {
        if (all.size() <= count) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(all.get((int) ((long) i * (all.size() - 1) / (count - 1))));
        }
        return out;
    }
}
