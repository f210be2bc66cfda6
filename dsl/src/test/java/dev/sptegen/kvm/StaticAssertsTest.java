package dev.sptegen.kvm;

import static dev.sptegen.kvm.Era.ANY;
import static dev.sptegen.kvm.Era.K6_10;
import static dev.sptegen.kvm.Era.K6_11;
import static dev.sptegen.kvm.Era.K6_16;
import static dev.sptegen.kvm.Era.K7_2;
import static dev.sptegen.kvm.Era.all;
import static dev.sptegen.kvm.Era.from;
import static dev.sptegen.kvm.Era.only;
import static dev.sptegen.kvm.Era.range;
import static dev.sptegen.kvm.Era.upTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's static_asserts on the SPTE layout (facts 1.4) are declared in every era that has them:
 * an invariant over constants only, of the right shape (disjoint or equal), over the right kernel
 * constants, and true in every profile. The 6.1 column of facts 1.4 applies to kvm-5.13 (5.13-6.9),
 * the 6.12 column to kvm-6.10 and kvm-6.11, and the 7.2 column to kvm-7.2; kvm-6.13 and kvm-6.16 lie
 * between 6.12 and 7.2 and have the assertions both columns share. The 5.10 column (no spec) and the
 * 7.3-only BUILD_BUG_ON row (no 7.3 spec) are out of scope.
 */
class StaticAssertsTest {

    /** A static_assert: the spec invariant's name, its shape, and the constants on either side. */
    record Assertion(Class<? extends Claim> shape, Set<String> left, Set<String> right, long equalTo) {
        static Assertion disjoint(Set<String> left, Set<String> right) {
            return new Assertion(Claim.Disjoint.class, left, right, 0);
        }

        static Assertion equal(String constant, long value) {
            return new Assertion(Claim.Equal.class, Set.of(constant), Set.of(), value);
        }
    }

    private static final FactTable<Assertion> FACTS = new FactTable<>();

    static {
        FactTable<Assertion>.Where every = FACTS.where(all(), ANY);
        every.is("ad_enabled_is_zero", Assertion.equal("SPTE_TDP_AD_ENABLED", 0), "1.4 (A/D enabled == 0)")
                .is("ad_type_clear_of_saved_bits",
                        Assertion.disjoint(Set.of("SPTE_TDP_AD_MASK"), Set.of("SHADOW_ACC_TRACK_SAVED_MASK")),
                        "1.4 (A/D type mask vs saved mask)")
                .is("ept_host_writable_clear_of_ad_type",
                        Assertion.disjoint(Set.of("EPT_SPTE_HOST_WRITABLE"), Set.of("SPTE_TDP_AD_MASK")),
                        "1.4 (EPT host-writable vs A/D type)")
                .is("ept_mmu_writable_clear_of_ad_type",
                        Assertion.disjoint(Set.of("EPT_SPTE_MMU_WRITABLE"), Set.of("SPTE_TDP_AD_MASK")),
                        "1.4 (EPT MMU-writable vs A/D type)")
                .is("ept_host_writable_clear_of_saved_bits",
                        Assertion.disjoint(Set.of("EPT_SPTE_HOST_WRITABLE"), Set.of("SHADOW_ACC_TRACK_SAVED_MASK")),
                        "1.4 (EPT host-writable vs saved mask)")
                .is("ept_mmu_writable_clear_of_saved_bits",
                        Assertion.disjoint(Set.of("EPT_SPTE_MMU_WRITABLE"), Set.of("SHADOW_ACC_TRACK_SAVED_MASK")),
                        "1.4 (EPT MMU-writable vs saved mask)")
                .is("mmu_present_clear_of_gen_low",
                        Assertion.disjoint(Set.of("SPTE_MMU_PRESENT_MASK"), Set.of("MMIO_SPTE_GEN_LOW_MASK")),
                        "1.4 (MMU-present not in gen low)")
                .is("mmu_present_clear_of_gen_high",
                        Assertion.disjoint(Set.of("SPTE_MMU_PRESENT_MASK"), Set.of("MMIO_SPTE_GEN_HIGH_MASK")),
                        "1.4 (MMU-present not in gen high)")
                .is("mmio_allowed_clear_of_present_and_gen",
                        Assertion.disjoint(Set.of("SPTE_MMIO_ALLOWED_MASK"),
                                Set.of("SPTE_MMU_PRESENT_MASK", "MMIO_SPTE_GEN_LOW_MASK", "MMIO_SPTE_GEN_HIGH_MASK")),
                        "1.4 (SPTE_MMIO_ALLOWED_MASK vs present|gen)")
                .is("mmio_gen_high_bits", Assertion.equal("MMIO_SPTE_GEN_HIGH_BITS", 11), "1.4 (gen widths (_, 11))");
        FACTS.where(upTo(K6_16), ANY)
                .is("mmio_gen_low_bits", Assertion.equal("MMIO_SPTE_GEN_LOW_BITS", 8), "1.4 (gen widths (8, 11), 6.1/6.12)");
        FACTS.where(only(K7_2), ANY)
                .is("mmio_gen_low_bits", Assertion.equal("MMIO_SPTE_GEN_LOW_BITS", 7), "1.4 (gen widths (7, 11), 7.2)");
        FACTS.where(from(K6_10), ANY)
                .is("nonpresent_not_mmu_present",
                        Assertion.disjoint(Set.of("SHADOW_NONPRESENT_VALUE"), Set.of("SPTE_MMU_PRESENT_MASK")),
                        "1.4 (SHADOW_NONPRESENT_VALUE vs MMU-present, 6.12/7.2)");
        FACTS.where(upTo(K6_10), ANY)
                .is("removed_spte_not_mmu_present",
                        Assertion.disjoint(Set.of("REMOVED_SPTE"), Set.of("SPTE_MMU_PRESENT_MASK")),
                        "1.4 (REMOVED vs MMU-present, 6.1)");
        FACTS.where(range(K6_11, K6_16), ANY)
                .is("frozen_spte_not_mmu_present",
                        Assertion.disjoint(Set.of("FROZEN_SPTE"), Set.of("SPTE_MMU_PRESENT_MASK")),
                        "1.4 (FROZEN vs MMU-present, 6.12)");
        FACTS.where(only(K7_2), ANY)
                .is("frozen_spte_no_rwx",
                        Assertion.disjoint(Set.of("FROZEN_SPTE"), Set.of("SPTE_MMU_PRESENT_MASK", "VMX_EPT_RWX_MASK",
                                "VMX_EPT_USER_EXECUTABLE_MASK")),
                        "1.4 (FROZEN vs MMU-present|EPT RWX|EPT XU, 7.2)");
    }

    static Stream<FactTable.Row<Assertion>> assertions() {
        return FACTS.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void staticAssertIsDeclaredAndHolds(FactTable.Row<Assertion> row) {
        Interpreter in = row.interpreter();
        Invariant inv = in.layout().invariants().get(row.name());
        assertNotNull(inv, row + ": the spec has no invariant " + row.name());
        assertInstanceOf(Scope.Constants.class, inv.scope(), row + ": not a static (constants-only) invariant");
        Assertion expected = row.expected();
        assertInstanceOf(expected.shape(), inv.claim(), row + ": wrong kind of claim");
        if (inv.claim() instanceof Claim.Disjoint d) {
            assertEquals(Set.of(expected.left(), expected.right()), Set.of(constants(d.a()), constants(d.b())),
                    row + ": the assertion compares other constants");
        } else if (inv.claim() instanceof Claim.Equal e) {
            assertEquals(expected.left(), constants(e.a()), row + ": the assertion is about another constant");
            assertEquals(expected.equalTo(), in.eval(e.b(), Frame.EMPTY), row + ": the asserted value");
        }
        assertTrue(in.test(inv.claim().asCondition(), Frame.EMPTY), row + ": the assertion fails");
    }

    /** The kernel constants an expression names. */
    private static Set<String> constants(Expr e) {
        Set<String> names = new TreeSet<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr node) {
                if (node instanceof Expr.ConstRef ref) {
                    names.add(ref.name());
                }
            }
        }.walk(e);
        return names;
    }
}
