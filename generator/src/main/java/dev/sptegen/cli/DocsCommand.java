package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.docs.DocsEmitter;
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

/** {@code sptegen docs}: Markdown pages, SVG bit diagrams and an HTML index of the bundled specs. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Write Markdown, SVG and HTML documentation of the bundled specs: a page per spec and "
                + "profile (fields, constants, views), a bit-layout diagram per profile with one row per view, and "
                + "index.html linking them.",
            "The specs are validated first. DIR is replaced as a whole, atomically; a non-empty directory "
                + "sptegen did not write is refused."})
final class DocsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, e.g. target/docs.")
    Path out;

    @Option(names = "--spec", paramLabel = "SPEC", description = "Only this spec (repeatable); default: every bundled spec.")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() {
        List<Spec> specs = only.isEmpty() ? KvmSpecs.all() : only.stream().map(SpecOptions::findSpec).toList();
        Progress progress = new Progress(command.commandLine().getErr());
        List<CheckedSpec> checked = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            progress.step("validating " + specs.get(i).name() + " (" + (i + 1) + "/" + specs.size() + ")");
            checked.add(new Validator().check(specs.get(i)));
        }
        progress.step("rendering pages and diagrams");
        OutputTree tree = new OutputTree();
        new DocsEmitter().emit(checked, tree);
        int changed;
        try {
            changed = tree.commit(out);
        } catch (OutputException e) {
            throw new UsageException(e.getMessage());
        }
        progress.done();
        PrintWriter o = command.commandLine().getOut();
        o.println("docs: " + tree.files().size() + " files in " + out + " (" + changed + " changed); open "
                + out.resolve(DocsEmitter.INDEX));
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * One overwritten status line on a terminal, for a command that takes seconds (validation is the
     * slow part); nothing at all when stderr is not a terminal, so pipes and logs stay clean.
     */
    static final class Progress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private int width;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void step(String what) {
            if (terminal) {
                String line = "sptegen docs: " + what + "...";
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                err.flush();
                width = line.length();
            }
        }

        void done() {
            if (terminal && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }
}
