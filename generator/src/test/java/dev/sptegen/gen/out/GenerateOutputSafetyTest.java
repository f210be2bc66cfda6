package dev.sptegen.gen.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.cli.Sptegen;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sptegen generate --out} end to end (issue 7): a second run writes nothing and keeps every
 * file (inode and mtime); a run that fails leaves the previous output as it was; a sibling survives;
 * and two runs in JVMs with a Turkish locale and a +14:00 time zone versus the defaults write the
 * same bytes.
 */
class GenerateOutputSafetyTest {
    private static final String[] SPECS = {"--spec", "kvm-6.11", "--spec", "kvm-7.2"};

    private record Run(int code, String out, String err) {
    }

    private static Run sptegen(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sptegen.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] generate(Path out) {
        List<String> a = new ArrayList<>(List.of("generate"));
        a.addAll(Arrays.asList(SPECS));
        a.addAll(List.of("--out", out.toString()));
        return a.toArray(new String[0]);
    }

    /** Every regular file under a directory: bytes, inode and mtime. */
    private static Map<String, List<Object>> state(Path dir) throws IOException {
        Map<String, List<Object>> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), List.of(Arrays.hashCode(Files.readAllBytes(p)),
                        Files.getAttribute(p, "unix:ino"), Files.getLastModifiedTime(p)));
            }
        }
        return out;
    }

    @Test
    void aSecondRunWritesNothingAndAFailedRunChangesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path sibling = Files.writeString(dir.resolve("sibling.txt"), "not sptegen's\n");
        Run first = sptegen(generate(out));
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(out.resolve("java/main")) && Files.exists(out.resolve("c")) && Files.exists(out.resolve("docs")),
                first.out());
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
            }
        }
        Map<String, List<Object>> before = state(out);

        Run second = sptegen(generate(out));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains(", 0 written or removed, "), second.out());
        assertEquals(before, state(out), "every file kept: same bytes, inode and mtime");

        // A run that fails (an unknown spec among good ones) writes nothing at all.
        List<String> bad = new ArrayList<>(Arrays.asList(generate(out)));
        bad.addAll(1, List.of("--spec", "kvm-0.1"));
        Run failed = sptegen(bad.toArray(new String[0]));
        assertEquals(2, failed.code(), failed.err());
        assertEquals(before, state(out), "a failed run changes nothing");
        assertEquals("not sptegen's\n", Files.readString(sibling));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "only out and the sibling");
        }
    }

    @Test
    void runsInOtherLocalesAndTimeZonesWriteTheSameBytes(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path turkish = dir.resolve("turkish");
        subprocess(plain, "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC");
        subprocess(turkish, "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati",
                "-Dfile.encoding=ISO-8859-9");
        Map<String, byte[]> a = bytes(plain);
        Map<String, byte[]> b = bytes(turkish);
        assertEquals(a.keySet(), b.keySet(), "the same files");
        assertTrue(a.size() > 20, "files: " + a.size());
        for (String f : a.keySet()) {
            assertTrue(Arrays.equals(a.get(f), b.get(f)), "bytes of " + f + " differ between locales");
        }
    }

    /** {@code sptegen generate --out} in a fresh JVM with the given system properties. */
    private static void subprocess(Path out, String... properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(properties));
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Sptegen.class.getName()));
        cmd.addAll(Arrays.asList(generate(out)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timeout");
        assertEquals(0, p.exitValue(), String.join(" ", cmd).replace(File.pathSeparator, " ") + "\n" + output);
    }

    private static Map<String, byte[]> bytes(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
