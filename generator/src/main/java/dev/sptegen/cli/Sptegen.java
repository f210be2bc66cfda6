package dev.sptegen.cli;

import dev.sptegen.dsl.check.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sptegen} command: one subcommand per job. */
@Command(name = "sptegen", mixinStandardHelpOptions = true, version = "sptegen 0.1.0",
        description = "Declare KVM x86 SPTE layouts once; generate Java, C and KVM selftests from them.",
        subcommands = {ListCommand.class, DumpCommand.class, DecodeCommand.class, DiffCommand.class, TraceCommand.class,
            DocsCommand.class, GenerateCommand.class, SelftestsCommand.class, CommandLine.HelpCommand.class})
public final class Sptegen implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Sptegen());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("sptegen: " + ex.getMessage()
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof UsageException) {
                e.println("sptegen: " + ex.getMessage());
                return ExitCodes.USAGE;
            } else if (ex instanceof SpecException se) {
                e.println("sptegen: the spec is not valid (" + se.problems().size() + " problem(s)):");
                se.problems().forEach(p -> e.println("  " + p));
                return ExitCodes.FINDINGS;
            }
            e.println("sptegen: internal error: " + ex);
            ex.printStackTrace(e);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
