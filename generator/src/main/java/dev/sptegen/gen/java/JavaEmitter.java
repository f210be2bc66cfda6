package dev.sptegen.gen.java;

import com.palantir.javapoet.JavaFile;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.out.OutputTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Emits, for every checked spec, the runtime (one class per profile and the spec's interface) and its
 * conformance suites, into two trees: main sources and test sources.
 */
public final class JavaEmitter {

    /** The runtime classes of the specs, as Java source files by path. */
    public void runtime(List<CheckedSpec> specs, OutputTree out) {
        for (CheckedSpec checked : specs) {
            runtimeFiles(checked.spec(), checked::interpreter).forEach(f -> add(out, f));
        }
    }

    /**
     * One spec's runtime: its interface, one class per profile, and the {@code BranchFree} class with
     * the tests those classes call (known only once they are emitted, so it comes last).
     */
    static List<JavaFile> runtimeFiles(Spec spec, Function<Profile, Interpreter> interpreter) {
        List<JavaFile> files = new ArrayList<>();
        files.add(new InterfaceEmitter(spec).file());
        Set<String> branchFreeUsed = new TreeSet<>();
        for (Profile p : spec.profiles().values()) {
            files.add(new RuntimeEmitter(spec, p, interpreter.apply(p), branchFreeUsed).file());
        }
        new BranchFreeEmitter(spec, branchFreeUsed).file().ifPresent(files::add);
        return files;
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
