package dev.sptegen.gen;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs emission for each spec on its own core and merges the outputs in spec order. Specs share
 * nothing, and each spec's interpreters are used by one thread only, so this is safe and the output
 * does not depend on scheduling.
 */
public final class PerSpec {
    private PerSpec() {
    }

    /** The files {@code emit} writes for every spec, in one tree. */
    public static void emit(List<CheckedSpec> specs, OutputTree into, BiConsumer<CheckedSpec, OutputTree> emit) {
        List<OutputTree> parts = specs.parallelStream().map(spec -> {
            OutputTree part = new OutputTree();
            emit.accept(spec, part);
            return part;
        }).toList();
        parts.forEach(part -> into.addAll("", part));
    }
}
