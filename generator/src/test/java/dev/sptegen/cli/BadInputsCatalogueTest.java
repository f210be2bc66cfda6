package dev.sptegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of bad command-line inputs (issue 7), one test each, with the exact line a user sees
 * and the exit code: unknown spec, profile, subcommand and option; malformed and too wide values; bad
 * {@code --param}; output directories that cannot or must not be written; a kernel tree that is not
 * one. Every one is a usage error: exit 2, one line on stderr, nothing on stdout, no stack trace, and
 * nothing written. (The spec-level entries, with their exact messages, are in the DSL's
 * ValidationCatalogueTest and the spec fuzzer.)
 */
class BadInputsCatalogueTest {
    private static final String BUNDLED = "kvm-5.13, kvm-6.10, kvm-6.11, kvm-6.13, kvm-6.16, kvm-7.2";

    /** Runs the command line and checks that it failed with exactly this one line and exit code 2. */
    private static void usageError(String expectedLine, String... args) {
        InProcessCli.Result r = InProcessCli.run(args);
        assertEquals(ExitCodes.USAGE, r.code(), () -> "exit code of " + List.of(args) + "; stderr: " + r.err());
        assertEquals(expectedLine + "\n", r.err(), () -> "stderr of " + List.of(args));
        assertEquals("", r.out(), "stdout of a usage error");
        assertFalse(r.err().contains("\tat "), "a stack trace");
    }

    // ---- names that do not exist ----

    @Test
    void unknownSpec() {
        usageError("sptegen: unknown spec 'kvm-5.12' (bundled: " + BUNDLED + ")",
                "decode", "--spec", "kvm-5.12", "--profile", "ept", "0x0");
    }

    @Test
    void unknownSpecInGenerate(@TempDir Path dir) {
        usageError("sptegen: unknown spec 'kvm-0.1' (bundled: " + BUNDLED + ")",
                "generate", "--spec", "kvm-6.11", "--spec", "kvm-0.1", "--out", dir.resolve("out").toString());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written when a spec is unknown");
    }

    @Test
    void unknownProfile() {
        usageError("sptegen: spec kvm-6.10 has no profile 'nope' (it has: ept, ept-noad, ept-noexec-only, npt, npt-sme, "
                + "shadow, ept-ve)", "decode", "--spec", "kvm-6.10", "--profile", "nope", "0x0");
    }

    @Test
    void unknownSubcommand() {
        usageError("sptegen: Unmatched argument at index 0: 'frobnicate' (see: sptegen --help)", "frobnicate");
    }

    @Test
    void missingSubcommand() {
        usageError("sptegen: missing subcommand (see: sptegen --help)");
    }

    @Test
    void unknownOption() {
        usageError("sptegen: Unknown option: '--frob' (see: sptegen decode --help)",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "--frob", "0x0");
    }

    @Test
    void missingRequiredOption() {
        usageError("sptegen: Missing required option: '--profile=PROFILE' (see: sptegen decode --help)",
                "decode", "--spec", "kvm-6.10", "0x0");
    }

    // ---- values ----

    @Test
    void malformedHex() {
        usageError("sptegen: malformed value '0xzz': expected hex such as 0x8000000000000000",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "0xzz");
    }

    @Test
    void emptyHex() {
        usageError("sptegen: malformed value '0x': expected hex such as 0x8000000000000000",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "0x");
    }

    @Test
    void valueWiderThan64Bits() {
        usageError("sptegen: value '0x1ffffffffffffffff' is wider than 64 bits (65 bits)",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "0x1ffffffffffffffff");
    }

    @Test
    void levelOutOfRange() {
        usageError("sptegen: --level 9 is outside 1..5", "decode", "--spec", "kvm-6.10", "--profile", "ept", "--level", "9", "0x0");
    }

    // ---- --param ----

    @Test
    void paramThatDoesNotExist() {
        usageError("sptegen: spec kvm-6.10 has no parameter 'nope' (it has: maxphyaddr, me_phys_bits_reduction, sme_c_bit, "
                        + "l1tf_cache_bits, mmio_caching, ept_ad, ept_exec_only, ept_ve, nx_huge_pages, ignore_guest_pat)",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "--param", "nope=1", "0x0");
    }

    @Test
    void paramThatIsNotANumber() {
        usageError("sptegen: parameter maxphyaddr is an integer; 'abc' is not",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "--param", "maxphyaddr=abc", "0x0");
    }

    @Test
    void paramOutOfRange() {
        usageError("sptegen: parameter maxphyaddr = 99 is outside 36..52",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "--param", "maxphyaddr=99", "0x0");
    }

    @Test
    void paramThatIsNotABoolean() {
        usageError("sptegen: parameter ept_ad is a boolean; 'maybe' is not true or false",
                "dump", "--spec", "kvm-6.10", "--profile", "ept", "--param", "ept_ad=maybe");
    }

    @Test
    void paramWithoutAValue() {
        // picocli's own wording ("option option" included).
        usageError("sptegen: Value for option option '--param' (NAME=VALUE) should be in KEY=VALUE format but was "
                + "maxphyaddr (see: sptegen decode --help)",
                "decode", "--spec", "kvm-6.10", "--profile", "ept", "--param", "maxphyaddr", "0x0");
    }

    // ---- output directories ----

    @Test
    void generateWithNothingToDo() {
        usageError("sptegen: nothing to do: give --out DIR, or --java-sources DIR and --java-tests DIR", "generate");
    }

    @Test
    void outputIntoANonEmptyDirectoryNotWrittenBySptegen(@TempDir Path dir) throws IOException {
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("notes.txt"), "mine\n");
        usageError("sptegen: refusing to replace " + theirs + ": it is not empty and was not written by sptegen "
                + "(no .sptegen-output file)", "generate", "--spec", "kvm-6.11", "--out", theirs.toString());
        assertEquals("mine\n", Files.readString(theirs.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(theirs)) {
            assertEquals(List.of(theirs.resolve("notes.txt")), s.toList(), "nothing added to somebody else's directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(theirs), s.toList(), "no staging directory left beside it");
        }
    }

    @Test
    void outputOntoAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "a file\n");
        usageError("sptegen: refusing to replace " + file + ": it is a file, not an output directory",
                "generate", "--spec", "kvm-6.11", "--out", file.toString());
        assertEquals("a file\n", Files.readString(file));
    }

    @Test
    void outputUnderAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "a file\n");
        // The message is java.nio's (FileAlreadyExistsException names only the path).
        usageError("sptegen: cannot write " + file.resolve("out") + ": " + file,
                "generate", "--spec", "kvm-6.11", "--out", file.resolve("out").toString());
        assertEquals("a file\n", Files.readString(file));
    }

    @Test
    void outputIntoAReadOnlyDirectory(@TempDir Path dir) throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        boolean mounted = false;
        if (isRoot()) {
            // Permissions do not stop root; a read-only file system does.
            mounted = exec("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString()) == 0;
            assumeTrue(mounted, "running as root and cannot mount a read-only tmpfs");
        } else {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            Path out = ro.resolve("out");
            InProcessCli.Result r = InProcessCli.run("generate", "--spec", "kvm-6.11", "--out", out.toString());
            String reason = mounted ? "Read-only file system" : ro.resolve(".out.sptegen-new").toString();
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals("sptegen: cannot write " + out + ": " + ro.resolve(".out.sptegen-new")
                    + (mounted ? ": " + reason : "") + "\n", r.err());
            assertEquals("", r.out());
            try (Stream<Path> s = Files.list(ro)) {
                assertEquals(0, s.count(), "nothing written");
            }
        } finally {
            if (mounted) {
                exec("umount", ro.toString());
            } else {
                Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    // ---- kernel trees ----

    @Test
    void kernelTreeThatIsNotOne(@TempDir Path dir) throws IOException {
        Path notakernel = Files.createDirectories(dir.resolve("notakernel"));
        usageError("sptegen: " + notakernel + " is not a kernel tree (no top-level Makefile)",
                "selftests", "install", "--kernel-tree", notakernel.toString());
        try (Stream<Path> s = Files.list(notakernel)) {
            assertEquals(0, s.count(), "nothing installed");
        }
    }

    @Test
    void kernelTreeThatDoesNotExist() {
        usageError("sptegen: /tmp/notakernel-sptegen-test is not a kernel tree (no top-level Makefile)",
                "selftests", "install", "--kernel-tree", "/tmp/notakernel-sptegen-test");
    }

    @Test
    void kernelTreeWithAMakefileThatIsNotTheKernels(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Makefile"), "all:\n\techo hello\n", StandardCharsets.UTF_8);
        usageError("sptegen: " + dir + " is not a kernel tree (its Makefile has no VERSION/PATCHLEVEL, or arch/x86 is missing)",
                "selftests", "install", "--kernel-tree", dir.toString());
    }

    @Test
    void kernelTreeWithoutKvmSelftests(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("arch/x86"));
        usageError("sptegen: " + dir + " is a kernel tree without KVM selftests (no tools/testing/selftests/kvm)",
                "selftests", "install", "--kernel-tree", dir.toString());
    }

    private static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return false;
        }
    }

    private static int exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void everyEntryIsAOneLineUsageError() {
        // The catalogue's promise in one place: a bad input never ends in an internal error (exit 70).
        InProcessCli.Result r = InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "--level", "x", "0x0");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("sptegen: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
