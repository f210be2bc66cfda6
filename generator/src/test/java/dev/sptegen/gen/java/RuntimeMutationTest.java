package dev.sptegen.gen.java;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.kvm.KvmX86_6_11;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Mutation testing of the generated runtime: generate the runtime from a deliberately changed copy
 * of kvm-6.11, compile it with the suite generated from the original spec, run that suite (whose
 * oracle is the original spec's interpreter) and show that it fails. One mutant per kind of change,
 * and the unchanged runtime as the control.
 */
class RuntimeMutationTest {
    private static final Spec ORIGINAL = KvmX86_6_11.SPEC;
    private static final Profile EPT = ORIGINAL.profile("ept");

    /** Runs the original suite of kvm-6.11/ept against a runtime generated from {@code runtimeSpec}. */
    private static TestExecutionSummary runSuiteAgainst(Spec runtimeSpec) throws ClassNotFoundException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (JavaFile runtime : JavaEmitter.runtimeFiles(runtimeSpec, p -> new Interpreter(runtimeSpec, p))) {
            sources.add(source(runtime));
        }
        JavaFile suite = new SuiteEmitter(ORIGINAL, EPT, new Interpreter(ORIGINAL, EPT)).file();
        sources.add(source(suite));
        Compilation compilation = InMemoryJava.compile(sources);
        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        Class<?> suiteClass = InMemoryJava.load(compilation)
                .loadClass(suite.packageName() + "." + suite.typeSpec().name());
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suiteClass)).build(), listener);
        return listener.getSummary();
    }

    private static JavaFileObject source(JavaFile file) {
        return JavaFileObjects.forSourceString(file.packageName() + "." + file.typeSpec().name(), file.toString());
    }

    private static List<String> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).toList();
    }

    @Test
    void theUnchangedRuntimePasses() throws Exception {
        TestExecutionSummary summary = runSuiteAgainst(ORIGINAL);
        assertThat(summary.getTestsSucceededCount()).isGreaterThan(100L);
        assertThat(failures(summary)).isEmpty();
    }

    @Test
    void oneBitOfAMaskChanged() throws Exception {
        long mask = new Interpreter(ORIGINAL, EPT).constant("SPTE_MMU_PRESENT_MASK");
        Spec mutant = SpecEdits.edit(ORIGINAL, Vendor.EPT, "SPTE_MMU_PRESENT_MASK", SpecEdits.constantValue(mask ^ (1L << 12)));
        // Bit 12 is outside the support the suite enumerates, so the random-fill check is what sees it.
        assertThat(failures(runSuiteAgainst(mutant)).stream()
                .anyMatch(n -> n.startsWith("is_shadow_present_pte ignores bits outside its support"))).isTrue();
    }

    @Test
    void aShiftedField() throws Exception {
        Spec mutant = SpecEdits.edit(ORIGINAL, Vendor.EPT, "mmio_gen", SpecEdits.shiftedField());
        assertThat(failures(runSuiteAgainst(mutant)).stream().anyMatch(n -> n.startsWith("field mmio_gen "))).isTrue();
    }

    @Test
    void aWrongConstant() throws Exception {
        Spec mutant = SpecEdits.edit(ORIGINAL, Vendor.EPT, "FROZEN_SPTE", SpecEdits.constantValue(0x80000000000005a8L));
        assertThat(failures(runSuiteAgainst(mutant)).stream().anyMatch(n -> n.startsWith("is_frozen_spte equals"))).isTrue();
    }

    @Test
    void aPredicateWithOneOperatorChanged() throws Exception {
        Spec mutant = SpecEdits.edit(ORIGINAL, Vendor.EPT, "is_mmio_spte", SpecEdits.firstEqualityNegated());
        assertThat(failures(runSuiteAgainst(mutant))).contains("is_mmio_spte equals the interpreter on 16 cases, exhaustive");
    }
}
