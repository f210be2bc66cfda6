package dev.sptegen.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Folding keeps values and removes what a profile decides. */
class SpecializerTest {

    private static String folded(String spec, String profile, String function) {
        Interpreter in = new Interpreter(KvmSpecs.byName(spec).orElseThrow(), profile);
        return ExprPrinter.print(new Specializer(in).specialize(in.layout().function(function).body()));
    }

    @Test
    void profileDecisionsDisappear() {
        // acc_track mask is 0 on NPT: the mask test is always true and vanishes.
        assertEquals("!spte_ad_enabled(spte)", folded("kvm-6.11", "npt", "is_access_track_spte"));
        assertEquals("!spte_ad_enabled(spte) && (spte & shadow_acc_track_mask) == 0",
                folded("kvm-6.11", "ept", "is_access_track_spte"));
        assertEquals("(spte & shadow_mmio_mask) == vm_shadow_mmio_value", folded("kvm-6.11", "ept", "is_mmio_spte"));
    }

    @Test
    void aPredicateAskedAgainInsideItsOwnBranchIsDecided() {
        // On NPT is_access_track_spte is !spte_ad_enabled, so where spte_ad_enabled is false it is true.
        assertEquals("spte_ad_enabled(spte) ? spte & ~shadow_accessed_mask : spte",
                folded("kvm-6.11", "npt", "mark_spte_for_access_track"));
        assertEquals("spte_ad_enabled(spte) && (spte & shadow_accessed_mask) != 0",
                folded("kvm-6.11", "npt", "is_accessed_spte"));
        // On EPT it also reads the acc-track mask, which the outer test does not decide: both tests stay.
        assertTrue(folded("kvm-6.11", "ept", "mark_spte_for_access_track").contains("is_access_track_spte(spte) ?"));
    }

    @Test
    void aChoiceWithATruthValueBecomesALogicalOperator() {
        // is_accessed_spte on EPT without A/D: spte_ad_enabled(spte) ? (spte & 0) != 0 : !is_access_track_spte(spte)
        assertEquals("!spte_ad_enabled(spte) && !is_access_track_spte(spte)",
                folded("kvm-6.11", "ept-noad", "is_accessed_spte"));
    }

    /** The folded body equals the original on the function's conformance cases (a bounded sample here). */
    @TestFactory
    Stream<DynamicTest> foldingKeepsEveryValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Spec spec : KvmSpecs.all()) {
            for (Profile p : spec.profiles().values()) {
                Interpreter in = new Interpreter(spec, p);
                Specializer s = new Specializer(in);
                for (Function f : in.layout().functions().values()) {
                    tests.add(DynamicTest.dynamicTest(spec.name() + "/" + p.name() + " " + f.name(), () -> {
                        Expr body = s.specialize(f.body());
                        CaseSpace.of(in, f, new CaseSpace.Budget(12, 4, 99)).forEach(args -> {
                            Frame frame = Frame.of(f.args(), args);
                            assertEquals(in.eval(f.body(), frame), in.eval(body, frame), f.name());
                            return true;
                        });
                    }));
                }
            }
        }
        return tests.stream();
    }
}
