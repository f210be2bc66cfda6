package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.address;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.flag;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.or;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.produced;
import static dev.sptegen.dsl.api.Dsl.range;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.Vendor;

/** The spte.h / spte.c helpers of the 5.13 layout (as of 6.9), reduced to their bit logic. */
final class Kvm513Functions {
    static final Expr LEVEL = arg("level");

    private Kvm513Functions() {
    }

    static void declare(SpecBuilder s) {
        LayoutScope all = s.all();
        predicates(all);
        extractors(all);
        makers(s);
        accessTracking(all);
    }

    private static void predicates(LayoutScope all) {
        all.predicate("is_shadow_present_pte").of(spte())
                .is(SPTE.anySet(c("SPTE_MMU_PRESENT_MASK")))
                .doc("KVM installed this SPTE as a present mapping or page table (bit 11)");
        all.predicate("is_mmio_spte").of(spte())
                .is(SPTE.and(c("shadow_mmio_mask")).eq(c("shadow_mmio_value")).andAlso(c("enable_mmio_caching")))
                .doc("An MMIO SPTE: the MMIO-mask bits equal the MMIO value, and MMIO caching is on");
        all.predicate("is_removed_spte").of(spte())
                .is(SPTE.eq(c("REMOVED_SPTE")))
                .doc("The TDP MMU is tearing this SPTE down; other threads must retry");
        all.predicate("is_large_pte").of(spte())
                .is(SPTE.anySet(c("PT_PAGE_SIZE_MASK")))
                .doc("The SPTE maps a huge page (PS)");
        all.predicate("is_last_spte").of(spte(), range("level", 1, 5))
                .is(LEVEL.eq(c("PG_LEVEL_4K")).orElse(call("is_large_pte", SPTE)))
                .doc("The SPTE is a leaf at this level: a 4 KiB PTE or a huge page");
        all.predicate("spte_ad_enabled").of(spte())
                .is(SPTE.and(c("SPTE_TDP_AD_MASK")).ne(c("SPTE_TDP_AD_DISABLED")))
                .doc("The hardware maintains A/D bits for this SPTE");
        all.predicate("spte_ad_need_write_protect").of(spte())
                .is(SPTE.and(c("SPTE_TDP_AD_MASK")).ne(c("SPTE_TDP_AD_ENABLED")))
                .doc("Dirty logging must write-protect this SPTE: A/D disabled, or write-protect-only under PML");
        all.predicate("is_access_track_spte").of(spte())
                .is(not(call("spte_ad_enabled", SPTE)).andAlso(SPTE.and(c("shadow_acc_track_mask")).isZero()))
                .doc("An A/D-disabled SPTE whose access bits were cleared to catch the next access");
        all.predicate("is_executable_pte").of(spte())
                .is(SPTE.and(c("shadow_x_mask").or(c("shadow_nx_mask"))).eq(c("shadow_x_mask")))
                .doc("Instruction fetches are allowed: X set on EPT, NX clear on x86");
        all.predicate("is_writable_pte").of(spte())
                .is(SPTE.anySet(c("PT_WRITABLE_MASK")))
                .doc("Writes are allowed (bit 1 on both formats)");
        all.predicate("is_mmu_writable_spte").of(spte())
                .is(SPTE.anySet(c("shadow_mmu_writable_mask")))
                .doc("KVM may make this SPTE writable without taking the MMU lock");
        all.predicate("is_accessed_spte").of(spte())
                .is(when(call("spte_ad_enabled", SPTE), SPTE.anySet(c("shadow_accessed_mask")),
                        not(call("is_access_track_spte", SPTE))))
                .doc("The page was accessed: the A bit with A/D, else not access-tracked");
        all.predicate("is_dirty_spte").of(spte())
                .is(when(call("spte_ad_enabled", SPTE), SPTE.anySet(c("shadow_dirty_mask")),
                        SPTE.anySet(c("PT_WRITABLE_MASK"))))
                .doc("The page may have been written: the D bit with A/D, else writable");
    }

    private static void extractors(LayoutScope all) {
        all.extractor("spte_to_pfn").of(spte())
                .is(SPTE.and(c("SPTE_BASE_ADDR_MASK")).shr(c("PAGE_SHIFT")))
                .doc("The host page frame the SPTE maps");
        all.extractor("spte_shadow_accessed_mask").of(spte())
                .is(when(call("spte_ad_enabled", SPTE), c("shadow_accessed_mask"), lit(0)))
                .doc("The accessed bit to use for this SPTE: none when A/D is disabled for it");
        all.extractor("spte_shadow_dirty_mask").of(spte())
                .is(when(call("spte_ad_enabled", SPTE), c("shadow_dirty_mask"), lit(0)))
                .doc("The dirty bit to use for this SPTE: none when A/D is disabled for it");
        all.extractor("get_mmio_spte_generation").of(spte())
                .is(SPTE.and(c("MMIO_SPTE_GEN_LOW_MASK")).shr(c("MMIO_SPTE_GEN_LOW_SHIFT"))
                        .or(SPTE.and(c("MMIO_SPTE_GEN_HIGH_MASK")).shr(c("MMIO_SPTE_GEN_HIGH_SHIFT"))))
                .doc("The memslot generation cached in an MMIO SPTE");
        all.extractor("get_mmio_spte_gfn").of(spte())
                .is(SPTE.and(c("shadow_nonpresent_or_rsvd_lower_gfn_mask"))
                        .or(SPTE.shr(c("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN")).and(c("shadow_nonpresent_or_rsvd_mask")))
                        .shr(c("PAGE_SHIFT")))
                .doc("The guest frame an MMIO SPTE stands for, undoing the L1TF relocation");
        all.extractor("get_mmio_spte_access").of(spte())
                .is(SPTE.and(c("shadow_mmio_access_mask")))
                .doc("The access bits cached in an MMIO SPTE");
    }

    private static void makers(SpecBuilder s) {
        LayoutScope all = s.all();
        all.helper("generation_mmio_spte_mask", Type.U64).of(bits("gen", c("MMIO_SPTE_GEN_LOW_BITS").plus(c("MMIO_SPTE_GEN_HIGH_BITS"))))
                .is(arg("gen").shl(c("MMIO_SPTE_GEN_LOW_SHIFT")).and(c("MMIO_SPTE_GEN_LOW_MASK"))
                        .or(arg("gen").shl(c("MMIO_SPTE_GEN_HIGH_SHIFT")).and(c("MMIO_SPTE_GEN_HIGH_MASK"))))
                .doc("The generation spread over the low and high generation bits");
        all.maker("make_mmio_spte")
                .of(address("gfn", c("x86_phys_bits").minus(c("PAGE_SHIFT"))), bits("access", 3),
                        bits("gen", c("MMIO_SPTE_GEN_LOW_BITS").plus(c("MMIO_SPTE_GEN_HIGH_BITS"))))
                .is(mmioSpte(c("shadow_mmio_value")))
                .requires(c("enable_mmio_caching"))
                .doc("An MMIO SPTE for a guest frame: generation, MMIO value, cached access bits, the GPA, and the "
                        + "L1TF bits (the GPA bits under the L1TF mask move 5 bits up)");
        all.maker("make_nonleaf_spte").of(address("child_pfn", c("x86_phys_bits").minus(c("PAGE_SHIFT"))), flag("ad_disabled"))
                .is(or(c("SPTE_MMU_PRESENT_MASK"), arg("child_pfn").shl(c("PAGE_SHIFT")), c("shadow_present_mask"),
                        c("PT_WRITABLE_MASK"), c("shadow_user_mask"), c("shadow_x_mask"), c("shadow_me_value"),
                        when(arg("ad_disabled"), c("SPTE_TDP_AD_DISABLED"), c("shadow_accessed_mask"))))
                .requires(MakeSpte.adDisabledPossible())
                .doc("An SPTE pointing at a child page table: present, writable, user and executable, so the "
                        + "leaves decide the permissions");
        all.helper("spte_memtype", Type.U64).of(flag("host_mmio"))
                .is(when(c("shadow_memtype_mask").nonZero(), call("get_mt_mask", arg("host_mmio")), lit(0)))
                .doc("Memory-type bits of a leaf: the vendor's get_mt_mask when the vendor has memtype bits");
        s.on(Vendor.NPT, Vendor.SHADOW).helper("get_mt_mask", Type.U64).of(flag("host_mmio"))
                .is(lit(0))
                .doc("x86 SPTEs carry no memory type");
        s.on(Vendor.EPT).helper("get_mt_mask", Type.U64).of(flag("host_mmio"))
                .is(when(arg("host_mmio"), enumValue("ept_memtype", "UC").shl(c("VMX_EPT_MT_EPTE_SHIFT")),
                        enumValue("ept_memtype", "WB").shl(c("VMX_EPT_MT_EPTE_SHIFT"))
                                .or(when(p("ignore_guest_pat"), c("VMX_EPT_IPAT_BIT"), lit(0)))))
                .doc("vmx_get_mt_mask: UC for host MMIO; else WB, ignoring guest PAT unless the VM has non-coherent DMA");
        all.maker("make_spte").of(MakeSpte.args(MakeSpte.Era.V5_13))
                .is(MakeSpte.body(MakeSpte.Era.V5_13))
                .requires(MakeSpte.domain())
                .doc("A leaf SPTE (make_spte reduced to its bit logic): A/D type, present bits, accessed unless "
                        + "prefetched, execute (not for huge pages under the NX huge page mitigation), user, PS, "
                        + "memtype, host-writable, memory encryption, the PFN, then W, MMU-writable and dirty if "
                        + "writable and not write-protected; prefetched SPTEs start access-tracked");
        s.on(Vendor.EPT).redefine().maker("make_spte").requires(MakeSpte.eptDomain(MakeSpte.Era.V5_13));
    }

    /** The body of make_mmio_spte for a given MMIO value (global before 6.10, per VM after). */
    static Expr mmioSpte(Expr mmioValue) {
        Expr gpa = arg("gfn").shl(c("PAGE_SHIFT"));
        return or(call("generation_mmio_spte_mask", arg("gen")), mmioValue,
                arg("access").and(c("shadow_mmio_access_mask")), gpa, c("shadow_nonpresent_or_rsvd_mask"),
                gpa.and(c("shadow_nonpresent_or_rsvd_mask")).shl(c("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN")));
    }

    private static void accessTracking(LayoutScope all) {
        all.transform("mark_spte_for_access_track").of(produced("spte", "leaf"))
                .is(MakeSpte.markForAccessTrack(MakeSpte.Era.V5_13))
                .doc("Make the next access fault: clear A if A/D is on; otherwise save R/X above the PFN and clear R/W/X");
        all.transform("restore_acc_track_spte").of(spte())
                .is(SPTE.clear(c("shadow_acc_track_mask")).clear(c("SHADOW_ACC_TRACK_SAVED_MASK"))
                        .or(SPTE.shr(c("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT")).and(c("SHADOW_ACC_TRACK_SAVED_BITS_MASK"))))
                .doc("Undo access tracking: move the saved bits back and clear the saved copies");
    }
}
