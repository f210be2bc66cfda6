package dev.sptegen.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins every observable value of every bundled spec (see {@link Fingerprint}) to a reviewed file in
 * src/test/resources/golden. A deliberate change to a spec updates the file with
 * {@code mvn -pl dsl test -Dtest=GoldenSpecTest -Dgolden.update=true}; the diff is then reviewed.
 */
class GoldenSpecTest {
    static final Path DIR = Path.of("src/test/resources/golden");

    static List<String> golden(Spec spec) throws IOException {
        return Files.readAllLines(DIR.resolve(spec.name() + ".txt"), StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everySpecMatchesItsGoldenFile() {
        return KvmSpecs.all().stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
            List<String> actual = Fingerprint.of(spec);
            if (Boolean.getBoolean("golden.update")) {
                Files.write(DIR.resolve(spec.name() + ".txt"), actual, StandardCharsets.UTF_8);
            }
            assertEquals(String.join("\n", golden(spec)), String.join("\n", actual));
        }));
    }
}
