package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.Emitter;
import dev.sptegen.gen.c.CEmitter;
import dev.sptegen.gen.docs.DocsEmitter;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;
import java.util.Map;

/**
 * Everything the main job writes, as one tree: {@code java/main} and {@code java/test} (the runtime and
 * its conformance suites), {@code c} (headers and KVM selftests) and {@code docs}.
 */
final class MainJob {
    private MainJob() {
    }

    static OutputTree everything(List<CheckedSpec> specs) {
        OutputTree all = new OutputTree();
        JavaEmitter java = new JavaEmitter();
        OutputTree runtime = new OutputTree();
        java.runtime(specs, runtime);
        into(all, "java/main/", runtime);
        OutputTree suites = new OutputTree();
        java.suites(specs, suites);
        into(all, "java/test/", suites);
        for (Emitter e : List.of(new CEmitter(), new DocsEmitter())) {
            OutputTree part = new OutputTree();
            e.emit(specs, part);
            into(all, e.name() + "/", part);
        }
        return all;
    }

    private static void into(OutputTree all, String prefix, OutputTree part) {
        for (Map.Entry<String, byte[]> f : part.files().entrySet()) {
            all.add(prefix + f.getKey(), f.getValue());
        }
    }
}
