package dev.sptegen.cli;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.tools.trace.TraceInputException;
import dev.sptegen.tools.trace.TraceReport;
import dev.sptegen.tools.trace.TraceRun;
import dev.sptegen.tools.trace.TraceSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sptegen trace}: checks the SPTEs a kvmmmu trace shows against one profile of a spec. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Check the SPTEs in kvmmmu trace output (ftrace text or trace-cmd report) against a spec: "
                + "every value of kvm_mmu_set_spte and kvm_tdp_mmu_spte_changed must fall in a view and keep its "
                + "invariants, every mark_mmio_spte must match the MMIO SPTE it announces.",
            "Exit 0 when all is well, 1 when a value cannot be classified or breaks an invariant, 2 when the "
                + "input is empty, binary or unreadable."})
final class TraceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOptions which;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The trace; - or nothing for standard input.")
    String file;

    @Override
    public Integer call() {
        Profile profile = which.profile();
        Interpreter in = new Interpreter(which.spec(), profile);
        String name = file == null || file.equals("-") ? "standard input" : file;
        boolean terminal = System.console() != null;
        TraceSummary s;
        try (InputStream input = open()) {
            s = TraceRun.check(in, input, name, command.commandLine().getErr(), terminal);
        } catch (TraceInputException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + e.getMessage());
        }
        List<String> params = new ArrayList<>();
        profile.bindings().forEach((k, v) -> params.add(k + "=" + which.spec().parameters().get(k).format(v)));
        TraceReport.print(command.commandLine().getOut(), which.spec().name() + "/" + profile.name()
                + (params.isEmpty() ? "" : " (" + String.join(", ", params) + ")") + ": " + name, s);
        return s.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private InputStream open() throws IOException {
        if (file == null || file.equals("-")) {
            return System.in;
        }
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new UsageException("cannot read " + file + ": no such file");
        } else if (Files.isDirectory(p)) {
            throw new UsageException("cannot read " + file + ": it is a directory");
        }
        return Files.newInputStream(p);
    }
}
