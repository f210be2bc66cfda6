package dev.sptegen.tools.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sptegen.cli.Json;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the text and JSON diff of three releases to reviewed files in src/test/resources/diff. After a
 * deliberate change, regenerate with {@code mvn -pl generator test -Dtest=DiffGoldenTest
 * -Dgolden.update=true} and review the file diff.
 */
class DiffGoldenTest {
    static final Path DIR = Path.of("src/test/resources/diff");
    static final List<String[]> PAIRS = List.of(
            new String[] {"kvm-5.13", "kvm-6.10"},
            new String[] {"kvm-6.10", "kvm-6.11"},
            new String[] {"kvm-6.16", "kvm-7.2"});

    @TestFactory
    Stream<DynamicTest> everyPairMatchesItsGoldenFiles() {
        return PAIRS.stream().flatMap(pair -> {
            Spec a = KvmSpecs.byName(pair[0]).orElseThrow();
            Spec b = KvmSpecs.byName(pair[1]).orElseThrow();
            String base = pair[0] + "_" + pair[1];
            SpecDiff diff = SpecDiffer.diff(a, b, Optional.empty());
            return Stream.of(
                    DynamicTest.dynamicTest(base + ".txt", () -> check(base + ".txt", DiffText.render(diff))),
                    DynamicTest.dynamicTest(base + ".json", () -> check(base + ".json", Json.write(DiffJson.of(diff)))));
        });
    }

    private static void check(String file, String actual) throws IOException {
        Path golden = DIR.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, file);
    }
}
