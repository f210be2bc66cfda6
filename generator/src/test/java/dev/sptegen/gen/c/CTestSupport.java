package dev.sptegen.gen.c;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Shared by the C emitter tests: checked specs (validated once) and a gcc runner. */
public final class CTestSupport {
    private static final Map<String, CheckedSpec> CHECKED = new ConcurrentHashMap<>();

    private CTestSupport() {
    }

    static CheckedSpec checked(String name) {
        return CHECKED.computeIfAbsent(name, n -> {
            Spec s = KvmSpecs.byName(n).orElseThrow();
            return new Validator().check(s);
        });
    }

    public static boolean gccAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The directory with stand-ins for linux/bits.h and linux/types.h. */
    static Path shim() {
        try {
            return Paths.get(CTestSupport.class.getResource("shim/linux/bits.h").toURI()).getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command; returns its exit code and output. */
    static Result run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timeout)");
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int code, String output) {
    }

    static List<String> gcc(String... args) {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=gnu99", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror",
                "-Wstrict-prototypes", "-isystem", shim().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
