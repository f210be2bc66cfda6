package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.allOf;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.or;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Vendor;

/** Views of the 5.13 layout and the invariants that guard it. */
final class Kvm513Rules {
    static final Expr LEVEL = arg("level");

    private Kvm513Rules() {
    }

    static void declare(SpecBuilder s) {
        views(s);
        staticInvariants(s.all());
        valueInvariants(s);
    }

    private static void views(SpecBuilder s) {
        LayoutScope all = s.all();
        all.view("frozen").when(call("is_removed_spte", SPTE))
                .doc("The marker the TDP MMU writes while it tears an SPTE down");
        all.view("nonpresent").when(SPTE.eq(c("SHADOW_NONPRESENT_VALUE")))
                .doc("The value of an SPTE that maps nothing");
        all.view("mmio").when(call("is_mmio_spte", SPTE)).producedBy("make_mmio_spte")
                .fields("mmio_gen", "pfn")
                .doc("A cached MMIO translation: faults with the vendor's MMIO exit and carries the memslot generation");
        all.view("access_tracked")
                .when(call("is_shadow_present_pte", SPTE).andAlso(call("is_access_track_spte", SPTE)))
                .levels(1, 3)
                .fields("mmu_present", "ad_type", "acc_track_saved_r", "acc_track_saved_x", "host_writable", "mmu_writable", "pfn")
                .doc("A present A/D-disabled leaf whose access bits are cleared until its next access");
        LayoutScope ept = s.on(Vendor.EPT);
        LayoutScope x86 = s.on(Vendor.NPT, Vendor.SHADOW);
        ept.view("leaf").when(leaf()).levels(1, 3).producedBy("make_spte")
                .fields("ept_r", "ept_w", "ept_x", "memtype", "ipat", "large", "accessed", "dirty", "mmu_present",
                        "pfn", "ad_type", "host_writable", "mmu_writable", "suppress_ve")
                .doc("A shadow-present SPTE that maps memory");
        x86.view("leaf").when(leaf()).levels(1, 3).producedBy("make_spte")
                .fields("present", "writable", "user", "pwt", "pcd", "accessed", "dirty", "large", "global",
                        "host_writable", "mmu_writable", "mmu_present", "pfn", "ad_type", "nx")
                .doc("A shadow-present SPTE that maps memory");
        ept.view("nonleaf").when(nonleaf()).levels(2, 5).producedBy("make_nonleaf_spte")
                .fields("ept_r", "ept_w", "ept_x", "accessed", "mmu_present", "pfn", "ad_type", "suppress_ve")
                .doc("A shadow-present SPTE that points at a child page table");
        x86.view("nonleaf").when(nonleaf()).levels(2, 5).producedBy("make_nonleaf_spte")
                .fields("present", "writable", "user", "accessed", "mmu_present", "pfn", "ad_type", "nx")
                .doc("A shadow-present SPTE that points at a child page table");
    }

    private static Expr leaf() {
        return call("is_shadow_present_pte", SPTE).andAlso(call("is_last_spte", SPTE, LEVEL));
    }

    private static Expr nonleaf() {
        return call("is_shadow_present_pte", SPTE).andAlso(not(call("is_last_spte", SPTE, LEVEL)));
    }

    /** The kernel's static_asserts, plus consistency between fields and the masks that name them. */
    private static void staticInvariants(LayoutScope all) {
        all.invariant("ad_enabled_is_zero").equal(c("SPTE_TDP_AD_ENABLED"), lit(0))
                .doc("A/D-enabled SPTEs have A/D type 0, because bits 62:52 are reserved in PAE paging");
        all.invariant("ad_type_clear_of_saved_bits").disjoint(c("SPTE_TDP_AD_MASK"), c("SHADOW_ACC_TRACK_SAVED_MASK"))
                .doc("the A/D type does not overlap the access-tracking saved bits");
        all.invariant("ept_host_writable_clear_of_ad_type").disjoint(c("EPT_SPTE_HOST_WRITABLE"), c("SPTE_TDP_AD_MASK"))
                .doc("EPT host-writable does not overlap the A/D type");
        all.invariant("ept_mmu_writable_clear_of_ad_type").disjoint(c("EPT_SPTE_MMU_WRITABLE"), c("SPTE_TDP_AD_MASK"))
                .doc("EPT MMU-writable does not overlap the A/D type");
        all.invariant("ept_host_writable_clear_of_saved_bits")
                .disjoint(c("EPT_SPTE_HOST_WRITABLE"), c("SHADOW_ACC_TRACK_SAVED_MASK"))
                .doc("EPT host-writable does not overlap the access-tracking saved bits");
        all.invariant("ept_mmu_writable_clear_of_saved_bits")
                .disjoint(c("EPT_SPTE_MMU_WRITABLE"), c("SHADOW_ACC_TRACK_SAVED_MASK"))
                .doc("EPT MMU-writable does not overlap the access-tracking saved bits");
        all.invariant("mmu_present_clear_of_gen_low").disjoint(c("SPTE_MMU_PRESENT_MASK"), c("MMIO_SPTE_GEN_LOW_MASK"))
                .doc("the MMU-present bit is not a generation bit");
        all.invariant("mmu_present_clear_of_gen_high").disjoint(c("SPTE_MMU_PRESENT_MASK"), c("MMIO_SPTE_GEN_HIGH_MASK"))
                .doc("the MMU-present bit is not a generation bit");
        all.invariant("mmio_allowed_clear_of_present_and_gen")
                .disjoint(c("SPTE_MMIO_ALLOWED_MASK"),
                        or(c("SPTE_MMU_PRESENT_MASK"), c("MMIO_SPTE_GEN_LOW_MASK"), c("MMIO_SPTE_GEN_HIGH_MASK")))
                .doc("an MMIO mask can use neither the MMU-present bit nor a generation bit");
        all.invariant("mmio_gen_low_bits").equal(c("MMIO_SPTE_GEN_LOW_BITS"), lit(8))
                .doc("the low generation part is 8 bits wide");
        all.invariant("mmio_gen_high_bits").equal(c("MMIO_SPTE_GEN_HIGH_BITS"), lit(11))
                .doc("the high generation part is 11 bits wide");
        all.invariant("removed_spte_not_mmu_present").disjoint(c("REMOVED_SPTE"), c("SPTE_MMU_PRESENT_MASK"))
                .doc("removed SPTE is not MMU-present");
        all.invariant("mmio_gen_field_matches_masks")
                .equal(maskOf("mmio_gen"), c("MMIO_SPTE_GEN_LOW_MASK").or(c("MMIO_SPTE_GEN_HIGH_MASK")))
                .doc("the mmio_gen field covers exactly the generation masks");
        all.invariant("mmio_mask_allowed").subset(c("shadow_mmio_mask"), c("SPTE_MMIO_ALLOWED_MASK"))
                .doc("the vendor's MMIO mask stays within SPTE_MMIO_ALLOWED_MASK");
        all.invariant("mmio_value_within_mask").subset(c("shadow_mmio_value"), c("shadow_mmio_mask"))
                .doc("the MMIO value only sets bits of the MMIO mask");
        all.invariant("writable_bits_are_software")
                .disjoint(c("shadow_host_writable_mask").or(c("shadow_mmu_writable_mask")),
                        c("SPTE_MMU_PRESENT_MASK").or(c("SPTE_TDP_AD_MASK")))
                .doc("host- and MMU-writable are bits of their own");
    }

    /** Invariants over values: hardware outcomes and what the makers produce. */
    private static void valueInvariants(SpecBuilder s) {
        LayoutScope all = s.all();
        for (String view : new String[] {"nonpresent", "frozen"}) {
            all.invariant(view + "_not_hw_present").forEveryValue(view).holds(not(call("hw_present", SPTE)))
                    .doc("a " + view + " SPTE is not present to the hardware");
            all.invariant(view + "_never_ve").forEveryValue(view)
                    .holds(call("hw_access", SPTE, LEVEL, enumValue("access_kind", "READ")).ne(Hardware.outcome("VE")))
                    .doc("a " + view + " SPTE makes an access exit to KVM, never #VE");
        }
        all.invariant("frozen_not_mmio").forEveryValue("frozen").holds(not(call("is_mmio_spte", SPTE)))
                .doc("the frozen marker is never taken for an MMIO SPTE");
        mmioFaults(s.on(Vendor.EPT), "EPT_MISCONFIG", "an EPT misconfiguration");
        mmioFaults(s.on(Vendor.NPT, Vendor.SHADOW), "RESERVED", "a reserved-bit fault");
        all.invariant("mmio_not_mmu_present").forEveryProduced("mmio").holds(not(call("is_shadow_present_pte", SPTE)))
                .doc("MMIO SPTEs are never MMU-present");
        all.invariant("mmio_generation_roundtrip").forEveryCall("make_mmio_spte")
                .holds(call("get_mmio_spte_generation", arg("result")).eq(arg("gen")))
                .doc("the generation read back from an MMIO SPTE is the one it was made with");
        all.invariant("mmio_gfn_roundtrip").forEveryCall("make_mmio_spte")
                .holds(call("get_mmio_spte_gfn", arg("result")).eq(arg("gfn")))
                .doc("the GFN read back from an MMIO SPTE is the one it was made with");
        all.invariant("mmio_access_roundtrip").forEveryCall("make_mmio_spte")
                .holds(call("get_mmio_spte_access", arg("result")).eq(arg("access").and(c("shadow_mmio_access_mask"))))
                .doc("the access bits read back from an MMIO SPTE are the cached ones");

        all.invariant("mmu_writable_implies_host_writable").forEveryProduced("leaf")
                .holds(not(call("is_mmu_writable_spte", SPTE)).orElse(SPTE.anySet(c("shadow_host_writable_mask"))))
                .doc("an MMU-writable SPTE is host-writable");
        all.invariant("writable_implies_mmu_writable").forEveryProduced("leaf")
                .holds(not(call("is_writable_pte", SPTE)).orElse(call("is_mmu_writable_spte", SPTE)))
                .doc("a writable SPTE is MMU-writable");
        all.invariant("leaf_not_reserved").forEveryProduced("leaf").holds(not(call("hw_misconfig", SPTE, LEVEL)))
                .doc("a leaf SPTE sets no reserved bit and no illegal combination");
        all.invariant("leaf_hw_present_unless_tracked").forEveryProduced("leaf")
                .holds(call("is_access_track_spte", SPTE).orElse(call("hw_present", SPTE)))
                .doc("a leaf SPTE is present to the hardware unless access tracking cleared it");
        all.invariant("nonleaf_hw_present").forEveryProduced("nonleaf")
                .holds(allOf(call("hw_present", SPTE), not(call("hw_misconfig", SPTE, LEVEL))))
                .doc("a non-leaf SPTE is present to the hardware and well formed at every non-leaf level");
        all.invariant("nonleaf_pfn_roundtrip").forEveryCall("make_nonleaf_spte")
                .holds(call("spte_to_pfn", arg("result")).eq(arg("child_pfn")))
                .doc("a non-leaf SPTE points at the child page table it was made for");
        all.invariant("access_tracking_roundtrip").forEveryCall("mark_spte_for_access_track")
                .holds(call("spte_ad_enabled", SPTE).orElse(call("is_access_track_spte", SPTE))
                        .orElse(call("restore_acc_track_spte", arg("result")).eq(SPTE.clear(unsavedTrackedBits()))))
                .doc("restoring an access-tracked SPTE gives back the SPTE before tracking, less W (a write fault restores it)");
        all.invariant("access_tracked_faults").forEveryCall("mark_spte_for_access_track")
                .holds(call("spte_ad_enabled", SPTE).orElse(not(call("hw_present", arg("result")))))
                .doc("an A/D-disabled SPTE marked for access tracking faults on its next access");
    }

    /** Bits access tracking clears without saving them: W. */
    static Expr unsavedTrackedBits() {
        return c("shadow_acc_track_mask").clear(c("SHADOW_ACC_TRACK_SAVED_BITS_MASK"));
    }

    private static void mmioFaults(LayoutScope scope, String outcome, String what) {
        Expr read = call("hw_access", SPTE, LEVEL, enumValue("access_kind", "READ"));
        Expr write = call("hw_access", SPTE, LEVEL, enumValue("access_kind", "WRITE"));
        Expr fetch = call("hw_access", SPTE, LEVEL, enumValue("access_kind", "USER_FETCH"));
        Expr expected = Hardware.outcome(outcome);
        scope.invariant("mmio_faults_in_hardware").forEveryValue("mmio")
                .holds(allOf(read.eq(expected), write.eq(expected), fetch.eq(expected)))
                .doc("every MMIO SPTE is, to the hardware, " + what);
    }
}
