package dev.sptegen.cli;

import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sptegen list}: the bundled specs and their profiles. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled specs and their profiles.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        for (Spec spec : KvmSpecs.all()) {
            out.printf("%-9s (Linux %s+) %s%n", spec.name(), spec.kernel(), spec.summary());
            for (Profile p : spec.profiles().values()) {
                out.printf("    %-16s %-7s %s%n", p.name(), p.vendor().id(), p.doc());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
