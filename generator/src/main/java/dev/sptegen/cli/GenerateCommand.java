package dev.sptegen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sptegen generate}: the main job. Filled in by the generator work (issue 3). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate everything from the bundled specs: Java runtime and tests, C header and selftests, docs.")
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("generate is not available yet");
    }
}
