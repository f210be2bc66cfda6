package dev.sptegen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sptegen trace}: not written yet. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Check the SPTEs in kvmmmu trace output against a spec.")
final class TraceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("trace is not available yet");
    }
}
