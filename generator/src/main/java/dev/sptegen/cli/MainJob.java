package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.PerSpec;
import dev.sptegen.gen.c.CEmitter;
import dev.sptegen.gen.docs.DocsEmitter;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;

/**
 * Everything the main job writes, as one tree: {@code java/main} and {@code java/test} (the runtime and
 * its conformance suites), {@code c} (headers and KVM selftests) and {@code docs}.
 */
final class MainJob {
    private MainJob() {
    }

    static OutputTree everything(List<CheckedSpec> specs) {
        JavaEmitter java = new JavaEmitter();
        CEmitter c = new CEmitter();
        OutputTree all = new OutputTree();
        // One task per spec writes all of that spec's outputs, so its interpreters stay on one thread.
        PerSpec.emit(specs, all, (spec, tree) -> {
            OutputTree runtime = new OutputTree();
            java.runtime(List.of(spec), runtime);
            OutputTree suites = new OutputTree();
            java.suites(List.of(spec), suites);
            OutputTree headers = new OutputTree();
            c.emit(List.of(spec), headers);
            tree.addAll("java/main/", runtime).addAll("java/test/", suites).addAll(c.name() + "/", headers);
        });
        DocsEmitter docs = new DocsEmitter();
        OutputTree pages = new OutputTree();
        docs.emit(specs, pages);
        return all.addAll(docs.name() + "/", pages);
    }
}
