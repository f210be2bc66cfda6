package dev.sptegen.gen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The emitted C header: golden text for kvm-6.11, line rules, and a gcc -Werror build of every spec's header. */
class HeaderTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/dev/sptegen/gen/c/golden");

    @Test
    void kvm611HeaderMatchesGolden() throws IOException {
        String text = CEmitter.header(CTestSupport.checked("kvm-6.11"));
        Path golden = GOLDEN.resolve("sptegen_kvm_6_11.h");
        if (Boolean.getBoolean("golden.update")) {
            CTestSupport.write(golden, text);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text,
                "header differs from " + golden + " (regenerate with -Dgolden.update=true after checking the diff)");
    }

    @Test
    void outputIsDeterministic() {
        CheckedSpec s = CTestSupport.checked("kvm-6.11");
        assertEquals(CEmitter.files(s), CEmitter.files(s));
    }

    @TestFactory
    Stream<DynamicTest> linesFollowKernelStyle() {
        return KvmSpecs.names().stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            for (var f : CEmitter.files(CTestSupport.checked(n)).entrySet()) {
                String[] lines = f.getValue().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i];
                    String where = f.getKey() + ":" + (i + 1) + ": " + l;
                    // Like checkpatch, a line holding only a string may be longer.
                    assertTrue(Doc.visualWidth(l) <= 100 || l.matches("^\\s*\".*\"\\)?;?$"),
                            "longer than 100 columns: " + where);
                    assertTrue(!l.endsWith(" ") && !l.endsWith("\t"), "trailing whitespace: " + where);
                    assertTrue(!l.matches("^ +\t.*") && !l.startsWith("        "), "indent with spaces: " + where);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> headersCompileWithGccWerror(@TempDir Path dir) {
        assumeTrue(CTestSupport.gccAvailable(), "gcc is not installed");
        return KvmSpecs.names().stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            CheckedSpec s = CTestSupport.checked(n);
            String header = CNames.header(s.spec());
            Path d = dir.resolve(n);
            CTestSupport.write(d.resolve(header), CEmitter.header(s));
            CTestSupport.write(d.resolve("use.c"), "#include \"" + header + "\"\n\nint main(void)\n{\n\treturn 0;\n}\n");
            var r = CTestSupport.run(d, CTestSupport.gcc("-c", "use.c", "-o", "use.o"));
            assertEquals(0, r.code(), "gcc failed:\n" + r.output());
            assertEquals("", r.output().trim(), "gcc printed warnings");
        }));
    }

    @Test
    void masksUseKernelMacros() {
        assertEquals("BIT_ULL(11)", CExprPrinter.mask(0x800));
        assertEquals("(BIT_ULL(63) | GENMASK_ULL(51, 12) | GENMASK_ULL(2, 0))", CExprPrinter.mask(0x800ffffffffff007L));
        assertEquals("0ULL", CExprPrinter.mask(0));
        assertEquals(List.of("0x5a0ULL", "3ULL"), List.of(CExprPrinter.literal(0x5a0), CExprPrinter.literal(3)));
    }
}
