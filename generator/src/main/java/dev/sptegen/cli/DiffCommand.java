package dev.sptegen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sptegen diff}: not written yet. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what changed between two spec versions.")
final class DiffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("diff is not available yet");
    }
}
