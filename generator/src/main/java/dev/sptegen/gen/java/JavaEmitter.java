package dev.sptegen.gen.java;

import com.palantir.javapoet.JavaFile;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.out.OutputTree;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Emits, for every checked spec, the runtime (one class per profile and the spec's interface) and its
 * conformance suites, into two trees: main sources and test sources.
 */
public final class JavaEmitter {

    /** The runtime classes of the specs, as Java source files by path. */
    public void runtime(List<CheckedSpec> specs, OutputTree out) {
        for (CheckedSpec checked : specs) {
            Spec spec = checked.spec();
            add(out, new InterfaceEmitter(spec).file());
            Set<String> branchFreeUsed = new TreeSet<>();
            for (Profile p : spec.profiles().values()) {
                add(out, new RuntimeEmitter(spec, p, checked.interpreter(p), branchFreeUsed).file());
            }
            new BranchFreeEmitter(spec, branchFreeUsed).file().ifPresent(f -> add(out, f));
        }
    }

    /** The conformance suites of the specs. */
    public void suites(List<CheckedSpec> specs, OutputTree out) {
        for (CheckedSpec checked : specs) {
            Spec spec = checked.spec();
            for (Profile p : spec.profiles().values()) {
                add(out, new SuiteEmitter(spec, p, checked.interpreter(p)).file());
            }
        }
    }

    private static void add(OutputTree out, JavaFile file) {
        String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
        out.add(path, file.toString());
    }
}
