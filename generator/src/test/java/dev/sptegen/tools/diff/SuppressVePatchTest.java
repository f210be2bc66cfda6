package dev.sptegen.tools.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.kvm.KvmX86_5_13;
import dev.sptegen.kvm.KvmX86_6_10;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * kvm-5.13 -> kvm-6.10 shows exactly the suppress-#VE patch as KvmX86_6_10 declares it: what the
 * file redefines or adds, and what follows from that, and nothing else.
 */
class SuppressVePatchTest {
    static final SpecDiff DIFF = SpecDiffer.diff(KvmX86_5_13.SPEC, KvmX86_6_10.SPEC, Optional.empty());
    static final List<String> EPT = List.of("ept", "ept-noad", "ept-noexec-only");
    static final List<String> X86 = List.of("npt", "npt-sme", "shadow");
    /** Every element KvmX86_6_10.java redefines. */
    static final Set<String> REDEFINED_IN_THE_FILE = Set.of("SHADOW_NONPRESENT_VALUE", "REMOVED_SPTE",
            "shadow_present_mask", "mmio_mask_requested", "is_mmio_spte", "make_mmio_spte");

    @Test
    void specWideOnlyTheEptVeProfileIsNew() {
        assertEquals(List.of("profile added ept-ve"), DIFF.specChanges().stream().map(SuppressVePatchTest::key).toList());
        assertEquals(List.of("ept", "ept-noad", "ept-noexec-only", "npt", "npt-sme", "shadow"), DIFF.compared());
    }

    @Test
    void eptProfilesShowExactlyThePatch() {
        Set<String> expected = new TreeSet<>(common());
        expected.addAll(List.of("constant changed shadow_present_mask", "constant changed mmio_mask_requested",
                "constant changed shadow_mmio_mask", "function changed is_mmio_spte", "function changed make_spte",
                "function changed make_nonleaf_spte", "view changed mmio"));
        for (String p : EPT) {
            assertEquals(expected, keys(p), p);
        }
    }

    @Test
    void x86ProfilesShowOnlyTheVendorNeutralPart() {
        for (String p : X86) {
            assertEquals(new TreeSet<>(common()), keys(p), p);
        }
    }

    private static List<String> common() {
        return List.of("constant changed SHADOW_NONPRESENT_VALUE", "constant changed REMOVED_SPTE",
                "constant added vm_shadow_mmio_value", "function changed is_removed_spte",
                "function added is_ept_ve_possible", "view changed frozen", "view changed nonpresent",
                "invariant added nonpresent_not_mmu_present", "invariant added leaf_no_ve",
                "invariant added nonleaf_no_ve");
    }

    @Test
    void theValuesAreTheKernels() {
        for (ProfileDiff p : DIFF.profiles()) {
            assertEquals(List.of(new Delta("value", "0x0", "0x8000000000000000"), new Delta("bits", "none", "63"),
                    new Delta("definition", "0", "BIT(63)")), change(p, "SHADOW_NONPRESENT_VALUE").deltas());
            assertEquals(new Delta("value", "0x5a0", "0x80000000000005a0"), change(p, "REMOVED_SPTE").deltas().get(0));
            assertEquals("gains bit 63", change(p, "REMOVED_SPTE").summary());
            if (EPT.contains(p.profile())) {
                assertEquals("gains bit 63", change(p, "shadow_present_mask").summary());
                assertEquals("gains bit 63", change(p, "shadow_mmio_mask").summary());
                assertEquals(new Delta("value", "0x7", "0x8000000000000007"), change(p, "shadow_mmio_mask").deltas().get(0));
            }
        }
    }

    @Test
    void everyChangeIsDeclaredInTheFileOrFollowsFromOneThatIs() {
        for (ProfileDiff p : DIFF.profiles()) {
            Set<String> changedNames = p.changes().stream().map(Change::name).collect(Collectors.toSet());
            for (Change c : p.changes()) {
                if (c.kind() != ChangeKind.CHANGED) {
                    continue;
                }
                if (c.cause().redefined()) {
                    assertTrue(REDEFINED_IN_THE_FILE.contains(c.name()), () -> p.profile() + ": " + c);
                } else {
                    assertFalse(c.cause().via().isEmpty(), () -> p.profile() + ": no cause for " + c);
                }
                for (String via : c.cause().via()) {
                    assertTrue(changedNames.contains(via), () -> p.profile() + ": " + c.name() + " follows from "
                            + via + ", which the diff does not show");
                }
            }
        }
    }

    @Test
    void meaningChangesComeWithAnInputThatShowsThem() {
        ProfileDiff ept = DIFF.profiles().get(0);
        assertEquals(new Example("is_removed_spte(spte=0x5a0)", "true", "false"), change(ept, "is_removed_spte").example().get());
        assertEquals(new Example("is_mmio_spte(spte=0x8000000000000006)", "true", "false"),
                change(ept, "is_mmio_spte").example().get());
        assertEquals(new Example("nonpresent(spte=0x0, level=1)", "true", "false"), change(ept, "nonpresent").example().get());
    }

    private static Change change(ProfileDiff p, String name) {
        return p.changes().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(p.profile() + " has no change of " + name));
    }

    private static Set<String> keys(String profile) {
        return DIFF.profiles().stream().filter(p -> p.profile().equals(profile)).findFirst().orElseThrow().changes()
                .stream().map(SuppressVePatchTest::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(Change c) {
        return c.section().label() + " " + c.kind().label() + " " + c.name();
    }
}
