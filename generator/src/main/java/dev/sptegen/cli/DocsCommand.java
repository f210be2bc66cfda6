package dev.sptegen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sptegen docs}: not written yet. */
@Command(name = "docs", mixinStandardHelpOptions = true, description = "Write Markdown, SVG and HTML documentation of the bundled specs.")
final class DocsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("docs is not available yet");
    }
}
