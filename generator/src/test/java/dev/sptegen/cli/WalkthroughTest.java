package dev.sptegen.cli;

import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.check.Problem;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.kvm.KvmX86_6_10;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outputs quoted in docs/walkthrough.md (or the README it is merged into) are the real ones: the
 * diff exactly, the decode and validation excerpts line by line.
 */
class WalkthroughTest {
    static final List<Path> PLACES = List.of(Path.of("../docs/walkthrough.md"), Path.of("../README.md"));

    /** The lines of the text block that starts with this command, up to the closing fence. */
    static List<String> block(String command) throws IOException {
        for (Path p : PLACES) {
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            int at = lines.indexOf("$ " + command);
            if (at >= 0) {
                List<String> out = new ArrayList<>();
                for (int i = at + 1; !lines.get(i).equals("```"); i++) {
                    out.add(lines.get(i));
                }
                return out;
            }
        }
        throw new AssertionError("no walkthrough block for '$ " + command + "' in " + PLACES);
    }

    @Test
    void theDiffIsQuotedExactly() throws IOException {
        String actual = InProcessCli.run("diff", "kvm-5.13", "kvm-6.10").out();
        assertEquals(actual, String.join("\n", block("bin/sptegen diff kvm-5.13 kvm-6.10")) + "\n");
    }

    @Test
    void theDecodeExcerptIsReal() throws IOException {
        List<String> actual = InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept-ve", "0x0").out().lines().toList();
        assertExcerpt(block("bin/sptegen decode --spec kvm-6.10 --profile ept-ve 0x0"), actual);
    }

    @Test
    void theValidationMessageIsReal() throws IOException {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_10.SPEC, "kvm-6.10", "6.10", KvmX86_6_10.SPEC.summary());
        s.all().redefine().value("REMOVED_SPTE").is(c("SHADOW_NONPRESENT_VALUE").or(lit(0xda0)));
        List<Problem> problems = new Validator().problems(s.build());
        List<String> actual = new ArrayList<>();
        actual.add("sptegen: the spec is not valid (" + problems.size() + " problem(s)):");
        problems.forEach(p -> actual.add("  " + p));
        assertExcerpt(block("bin/sptegen generate --out target/sptegen"), actual);
    }

    /** Every quoted line is the actual line at the same place; "..." stands for lines left out. */
    private static void assertExcerpt(List<String> quoted, List<String> actual) {
        int a = 0;
        for (String q : quoted) {
            if (q.equals("...")) {
                a = -1;
                continue;
            }
            if (a < 0) {
                a = actual.indexOf(q);
                assertTrue(a >= 0, "quoted line not in the output: " + q + "\n" + String.join("\n", actual));
            } else {
                assertEquals(actual.get(a), q);
            }
            a++;
        }
    }
}
