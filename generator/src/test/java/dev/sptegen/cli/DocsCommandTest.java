package dev.sptegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sptegen docs} end to end: writes a site for one spec, rewrites nothing when run again, refuses bad output. */
class DocsCommandTest {

    @Test
    void writesPagesDiagramsAndIndexThenIsUpToDate(@TempDir Path tmp) {
        Path out = tmp.resolve("docs");
        InProcessCli.Result first = InProcessCli.run("docs", "--out", out.toString(), "--spec", "kvm-6.11");
        first.assertOk();
        assertEquals("docs: 15 files in " + out + " (15 changed); open " + out.resolve("index.html") + "\n", first.out());
        assertTrue(Files.isRegularFile(out.resolve("kvm-6.11/ept-ve.md")));
        assertTrue(Files.isRegularFile(out.resolve("kvm-6.11/shadow.svg")));
        InProcessCli.Result again = InProcessCli.run("docs", "--out", out.toString(), "--spec", "kvm-6.11");
        again.assertOk();
        assertTrue(again.out().contains("(0 changed)"), again.out());
    }

    @Test
    void refusesADirectoryItDidNotWrite(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        InProcessCli.run("docs", "--out", tmp.toString(), "--spec", "kvm-6.11")
                .assertUsageError("refusing to replace " + tmp + ": it is not empty and was not written by sptegen");
        assertEquals("mine", Files.readString(tmp.resolve("notes.txt")));
    }

    @Test
    void refusesAFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("docs"), "x");
        InProcessCli.run("docs", "--out", file.toString(), "--spec", "kvm-6.11")
                .assertUsageError("it is a file, not an output directory");
    }

    @Test
    void unknownSpec(@TempDir Path tmp) {
        InProcessCli.run("docs", "--out", tmp.resolve("d").toString(), "--spec", "kvm-6.12")
                .assertUsageError("unknown spec 'kvm-6.12'");
    }

    @Test
    void missingOut() {
        InProcessCli.run("docs").assertUsageError("Missing required option: '--out=DIR'");
    }
}
