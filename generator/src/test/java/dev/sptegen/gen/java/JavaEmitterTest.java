package dev.sptegen.gen.java;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.SpecException;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The Java emitter's own tests: golden text, strict compilation, determinism. */
@Isolated("changes the default locale and time zone")
class JavaEmitterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/java");

    private static OutputTree emit(List<CheckedSpec> specs, boolean suites) {
        OutputTree tree = new OutputTree();
        if (suites) {
            new JavaEmitter().suites(specs, tree);
        } else {
            new JavaEmitter().runtime(specs, tree);
        }
        return tree;
    }

    /** The small spec's runtime and suites match the reviewed files; -Dgolden.update=true rewrites them. */
    @Test
    void smallSpecMatchesGoldenFiles() throws IOException {
        List<CheckedSpec> small = List.of(SmallSpec.checked());
        Map<String, byte[]> files = new java.util.TreeMap<>(emit(small, false).files());
        files.putAll(emit(small, true).files());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path golden = GOLDEN.resolve(f.getKey().replace('/', '_') + ".txt");
            String actual = new String(f.getValue(), StandardCharsets.UTF_8);
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, f.getKey());
        }
        try (var listing = Files.list(GOLDEN)) {
            assertEquals(files.size(), listing.count(), "one golden file per generated file");
        }
    }

    /**
     * Predicates return through BranchFree; a condition that calls a one-comparison predicate is
     * written as that comparison (the bench numbers in docs/performance.md rest on both shapes).
     */
    @Test
    void predicatesReturnBranchFreeAndConditionsCompareDirectly() {
        OutputTree tree = emit(List.of(new Validator().check(KvmSpecs.byName("kvm-6.11").orElseThrow())), false);
        String npt = new String(tree.files().get("dev/sptegen/runtime/kvm6_11/Npt.java"), StandardCharsets.UTF_8);
        assertThat(npt).contains("return BranchFree.bitSet(spte, SPTE_MMU_PRESENT_MASK);");
        // Bit 63 is outside the NPT MMIO mask and the value: the cheaper zero test for a word below 2^63.
        assertThat(npt).contains("return BranchFree.equalNonNegative(spte & SHADOW_MMIO_MASK, VM_SHADOW_MMIO_VALUE);");
        assertThat(npt).contains("return BranchFree.notEqualNonNegative((spte >>> 52) & 3L, 1L);");
        // FROZEN_SPTE has bit 63 and the SPTE may too: the test for any word.
        assertThat(npt).contains("return BranchFree.equal(spte, FROZEN_SPTE);");
        // As a jump condition the same test is the masked comparison.
        assertThat(npt).contains("return (spte & SPTE_TDP_AD_MASK) != SPTE_TDP_AD_DISABLED\n"
                + "                ? spte & ~SHADOW_ACCESSED_MASK\n"
                + "                : spte;");
        assertThat(tree.files()).containsKey("dev/sptegen/runtime/kvm6_11/BranchFree.java");
    }

    /** Runtime and suites of the small spec and of one bundled spec compile with -Xlint:all -Werror. */
    @Test
    void generatedJavaCompilesWithoutWarnings() {
        for (CheckedSpec spec : List.of(SmallSpec.checked(), new Validator().check(KvmSpecs.byName("kvm-7.2").orElseThrow()))) {
            List<JavaFileObject> sources = new ArrayList<>();
            for (OutputTree tree : List.of(emit(List.of(spec), false), emit(List.of(spec), true))) {
                tree.files().forEach((path, bytes) -> sources.add(JavaFileObjects.forSourceString(
                        path.replace(".java", "").replace('/', '.'), new String(bytes, StandardCharsets.UTF_8))));
            }
            Compilation c = InMemoryJava.compile(sources);
            assertThat(c.errors()).isEmpty();
            assertThat(c.warnings()).isEmpty();
        }
    }

    /** Two generations, under different default locales and time zones, give the same bytes. */
    @Test
    void outputIsDeterministic() {
        List<CheckedSpec> specs = KvmSpecs.all().stream().map(s -> new Validator().check(s)).toList();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Map<String, byte[]> first = emit(specs, false).files();
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Map<String, byte[]> second = emit(specs, false).files();
            assertEquals(first.keySet(), second.keySet());
            first.forEach((k, v) -> assertThat(second.get(k)).isEqualTo(v));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    /** An invalid spec cannot reach the emitter: validation stops it with every problem named. */
    @Test
    void invalidSpecsAreRejectedBeforeEmission() {
        Spec broken = brokenSpec();
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> new Validator().check(broken));
        assertThat(e.getMessage()).contains("MARKER (0x800) sets bit 11 (PRESENT_MASK)");
    }

    private static Spec brokenSpec() {
        var s = dev.sptegen.dsl.api.SpecBuilder.create("broken", "1.0", "a spec with a wrong marker",
                dev.sptegen.dsl.model.Vendor.EPT);
        s.all().field("present").bit(11).software().doc("present bit");
        s.all().mask("PRESENT_MASK").is(dev.sptegen.dsl.api.Dsl.maskOf("present")).doc("present");
        s.all().value("MARKER").is(dev.sptegen.dsl.api.Dsl.lit(0x800)).doc("marker");
        s.all().invariant("marker_not_present").disjoint(dev.sptegen.dsl.api.Dsl.c("MARKER"),
                dev.sptegen.dsl.api.Dsl.c("PRESENT_MASK")).doc("the marker is not present");
        s.profile("only", dev.sptegen.dsl.model.Vendor.EPT, "the only profile");
        return s.build();
    }
}
