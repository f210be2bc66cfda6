package dev.sptegen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sptegen selftests}: not written yet. */
@Command(name = "selftests", mixinStandardHelpOptions = true, description = "Install the generated KVM selftests into a kernel tree.")
final class SelftestsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("selftests is not available yet");
    }
}
