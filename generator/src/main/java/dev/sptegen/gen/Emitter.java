package dev.sptegen.gen;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;

/** One kind of generated output (Java runtime, C, docs), written from checked specs into an output tree. */
public interface Emitter {
    /** Name of the subdirectory of the main job's output this emitter fills, e.g. {@code c}. */
    String name();

    /** Adds this emitter's files to {@code out}; paths are relative to the emitter's subdirectory. */
    void emit(List<CheckedSpec> specs, OutputTree out);
}
