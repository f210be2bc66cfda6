package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;
import java.util.Map;

/** Everything the main job writes, as one tree: the Java runtime and suites, and the other emitters' outputs. */
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
        return all;
    }

    private static void into(OutputTree all, String prefix, OutputTree part) {
        for (Map.Entry<String, byte[]> f : part.files().entrySet()) {
            all.add(prefix + f.getKey(), f.getValue());
        }
    }
}
