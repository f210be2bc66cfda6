package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.PerSpec;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.out.OutputException;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sptegen generate}: validates the specs, then writes everything generated from them. Nothing
 * is written unless every spec is valid and every emitter succeeded.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the Java runtime and conformance suites (and, with --out, everything else) from the specs.")
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR", description = "Write everything under DIR: java/main, java/test, ...")
    Path out;

    @Option(names = "--java-sources", paramLabel = "DIR", description = "Write the Java runtime into DIR (for the build).")
    Path javaSources;

    @Option(names = "--java-tests", paramLabel = "DIR", description = "Write the Java conformance suites into DIR (for the build).")
    Path javaTests;

    @Option(names = "--spec", paramLabel = "SPEC", description = "Only these bundled specs (repeatable); default: all.")
    List<String> specNames = new ArrayList<>();

    @Override
    public Integer call() {
        if (out == null && javaSources == null && javaTests == null) {
            throw new UsageException("nothing to do: give --out DIR, or --java-sources DIR and --java-tests DIR");
        }
        long start = System.nanoTime();
        Validator validator = new Validator();
        List<CheckedSpec> specs = selected().parallelStream().map(validator::check).toList();
        JavaEmitter java = new JavaEmitter();
        List<Runnable> commits = new ArrayList<>();
        int[] changed = {0};
        int[] files = {0};
        if (javaSources != null) {
            OutputTree tree = new OutputTree();
            PerSpec.emit(specs, tree, (spec, part) -> java.runtime(List.of(spec), part));
            commits.add(() -> changed[0] += commit(tree, javaSources, files));
        }
        if (javaTests != null) {
            OutputTree tree = new OutputTree();
            PerSpec.emit(specs, tree, (spec, part) -> java.suites(List.of(spec), part));
            commits.add(() -> changed[0] += commit(tree, javaTests, files));
        }
        if (out != null) {
            OutputTree tree = MainJob.everything(specs);
            commits.add(() -> changed[0] += commit(tree, out, files));
        }
        commits.forEach(Runnable::run);
        PrintWriter w = command.commandLine().getOut();
        w.printf("sptegen: %d specs, %d files, %d written or removed, %d ms%n", specs.size(), files[0], changed[0],
                (System.nanoTime() - start) / 1_000_000);
        w.flush();
        return ExitCodes.OK;
    }

    private static int commit(OutputTree tree, Path dir, int[] files) {
        files[0] += tree.files().size();
        try {
            return tree.commit(dir);
        } catch (OutputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<Spec> selected() {
        if (specNames.isEmpty()) {
            return KvmSpecs.all();
        }
        return specNames.stream().map(SpecOptions::findSpec).toList();
    }
}
