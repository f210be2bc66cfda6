package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.allOf;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.or;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.prep;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Vendor;

/**
 * Fields and constants of the 5.13 layout: KVM's software bits (MMU-present bit 11, A/D type in
 * 52-53, host/MMU-writable, access-tracking saved bits, MMIO generation in 3-10 and 52-62), the
 * generic x86 and VMX bit definitions it builds on, and the per-vendor {@code shadow_*} masks.
 */
final class Kvm513Bits {
    private Kvm513Bits() {
    }

    static void declare(SpecBuilder s) {
        s.enumType("ept_memtype", 3, "EPT memory types; codes 2, 3 and 7 are illegal (EPT misconfiguration)")
                .value("UC", 0, "uncacheable")
                .value("WC", 1, "write combining")
                .value("WT", 4, "write through")
                .value("WP", 5, "write protected")
                .value("WB", 6, "write back");
        s.enumType("tdp_ad_type", 2, "How an SPTE tracks accesses (SPTE_TDP_AD_*); 3 is unused")
                .value("ENABLED", 0, "hardware sets the A/D bits; must be 0 because bits 62:52 are reserved in PAE paging")
                .value("DISABLED", 1, "no hardware A/D bits: access tracking clears RWX instead")
                .value("WRPROT_ONLY", 2, "A/D bits on, but dirty logging write-protects (PML is off for this nested MMU)");

        LayoutScope all = s.all();
        generic(all);
        softwareBits(all);
        mmioGeneration(all);
        Hardware.ept(s.on(Vendor.EPT));
        Hardware.x86(s);
        kvmMasks(s);
    }

    /** x86 and VMX definitions (mmu.h, vmx.h) that do not depend on the vendor. */
    private static void generic(LayoutScope all) {
        all.number("PAGE_SHIFT").is(12).doc("Size of a 4 KiB page as a shift");
        all.number("PG_LEVEL_4K").is(1).doc("Paging level of a 4 KiB leaf");
        all.mask("PT_PRESENT_MASK").is(bit(0)).doc("x86 P bit");
        all.mask("PT_WRITABLE_MASK").is(bit(1)).doc("x86 R/W bit; also EPT's W bit, so KVM tests writability the same way on both");
        all.mask("PT_USER_MASK").is(bit(2)).doc("x86 U/S bit");
        all.mask("PT_ACCESSED_MASK").is(bit(5)).doc("x86 A bit");
        all.mask("PT_DIRTY_MASK").is(bit(6)).doc("x86 D bit");
        all.mask("PT_PAGE_SIZE_MASK").is(bit(7)).doc("PS: a PDPTE or PDE maps a huge page (EPT uses the same bit)");
        all.mask("PT64_NX_MASK").is(bit(63)).doc("x86 XD/NX bit");
        all.mask("VMX_EPT_READABLE_MASK").is(lit(0x1)).doc("EPT R bit");
        all.mask("VMX_EPT_WRITABLE_MASK").is(lit(0x2)).doc("EPT W bit");
        all.mask("VMX_EPT_EXECUTABLE_MASK").is(lit(0x4)).doc("EPT X bit");
        all.mask("VMX_EPT_RWX_MASK").is(or(c("VMX_EPT_READABLE_MASK"), c("VMX_EPT_WRITABLE_MASK"), c("VMX_EPT_EXECUTABLE_MASK")))
                .doc("EPT R, W and X");
        all.number("VMX_EPT_MT_EPTE_SHIFT").is(3).doc("Position of the EPT memory type");
        all.mask("VMX_EPT_MT_MASK").is(lit(7).shl(c("VMX_EPT_MT_EPTE_SHIFT"))).doc("EPT memory-type bits 5:3");
        all.mask("VMX_EPT_IPAT_BIT").is(bit(6)).doc("EPT ignore-PAT bit");
        all.mask("VMX_EPT_ACCESS_BIT").is(bit(8)).doc("EPT accessed flag");
        all.mask("VMX_EPT_DIRTY_BIT").is(bit(9)).doc("EPT dirty flag");
        all.mask("VMX_EPT_SUPPRESS_VE_BIT").is(bit(63)).doc("EPT suppress-#VE bit");
        all.value("VMX_EPT_MISCONFIG_WX_VALUE").is(or(c("VMX_EPT_WRITABLE_MASK"), c("VMX_EPT_EXECUTABLE_MASK")))
                .doc("W+X without R: the EPT misconfiguration KVM uses for fast MMIO exits");
        all.mask("ACC_EXEC_MASK").is(lit(1)).doc("KVM access bit: executable");
        all.mask("ACC_WRITE_MASK").is(c("PT_WRITABLE_MASK")).doc("KVM access bit: writable");
        all.mask("ACC_USER_MASK").is(c("PT_USER_MASK")).doc("KVM access bit: user (readable, for EPT)");
        all.mask("ACC_ALL").is(or(c("ACC_EXEC_MASK"), c("ACC_WRITE_MASK"), c("ACC_USER_MASK"))).doc("All KVM access bits");
    }

    /** KVM's own bits, in bits the hardware ignores. */
    private static void softwareBits(LayoutScope all) {
        all.field("large").bit(7).doc("PS: this PDPTE or PDE maps a huge page; PAT in a 4 KiB x86 PTE, ignored in a 4 KiB EPT PTE");
        all.field("mmu_present").bit(11).software()
                .doc("Set in every shadow-present SPTE and in no other value: ignored by EPT and x86 alike, so "
                        + "KVM's presence test does not depend on R/W/X or P (5.13, edea7c4fc215)");
        all.mask("SPTE_MMU_PRESENT_MASK").is(maskOf("mmu_present")).doc("KVM's MMU-present bit");

        all.number("SPTE_TDP_AD_SHIFT").is(52).doc("Position of the A/D type in ignored bits 52-53");
        all.field("ad_type").bits(c("SPTE_TDP_AD_SHIFT"), c("SPTE_TDP_AD_SHIFT").plus(1)).software().enumOf("tdp_ad_type")
                .doc("How this SPTE tracks accesses: hardware A/D bits, access tracking, or write-protection under PML");
        all.mask("SPTE_TDP_AD_MASK").is(maskOf("ad_type")).doc("The A/D type bits");
        all.value("SPTE_TDP_AD_ENABLED").is(prep("ad_type", enumValue("tdp_ad_type", "ENABLED"))).doc("A/D type: hardware A/D");
        all.value("SPTE_TDP_AD_DISABLED").is(prep("ad_type", enumValue("tdp_ad_type", "DISABLED"))).doc("A/D type: access tracking");
        all.value("SPTE_TDP_AD_WRPROT_ONLY").is(prep("ad_type", enumValue("tdp_ad_type", "WRPROT_ONLY")))
                .doc("A/D type: write-protect for dirty logging");

        all.field("pfn").bits(12, 51).address().doc("The host page frame the SPTE maps (SPTE_BASE_ADDR_MASK, spte_to_pfn)");
        all.mask("physical_mask").is(genmask(51, 0).clear(c("shadow_me_mask")))
                .doc("Physical-address bits of the host (CONFIG_DYNAMIC_PHYSICAL_MASK): 51:0 less the memory-encryption bits");
        all.mask("SPTE_BASE_ADDR_MASK").is(c("physical_mask").and(maskOf("pfn")))
                .doc("Address bits of an SPTE: 51:12, less the SME C-bit or KeyID bits when the host uses them");

        all.mask("DEFAULT_SPTE_HOST_WRITABLE").is(bit(9)).doc("Host-writable for non-EPT SPTEs: ignored bit 9");
        all.mask("DEFAULT_SPTE_MMU_WRITABLE").is(bit(10)).doc("MMU-writable for non-EPT SPTEs: ignored bit 10");
        all.mask("EPT_SPTE_HOST_WRITABLE").is(bit(57)).doc("Host-writable for EPT: high ignored bit 57, so bits 9-10 stay free");
        all.mask("EPT_SPTE_MMU_WRITABLE").is(bit(58)).doc("MMU-writable for EPT: high ignored bit 58");

        all.mask("SPTE_EPT_READABLE_MASK").is(lit(0x1)).doc("EPT R, as saved by access tracking");
        all.mask("SPTE_EPT_EXECUTABLE_MASK").is(lit(0x4)).doc("EPT X, as saved by access tracking");
        all.mask("SHADOW_ACC_TRACK_SAVED_BITS_MASK").is(c("SPTE_EPT_READABLE_MASK").or(c("SPTE_EPT_EXECUTABLE_MASK")))
                .doc("The bits access tracking saves before clearing RWX (W is not saved: it is restored by a write fault)");
        all.number("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT").is(54).doc("Where access tracking saves R and X");
        all.mask("SHADOW_ACC_TRACK_SAVED_MASK")
                .is(c("SHADOW_ACC_TRACK_SAVED_BITS_MASK").shl(c("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT")))
                .doc("The saved copies of R and X in an access-tracked SPTE");
        all.field("acc_track_saved_r").bit(54).software().doc("Saved EPT R of an access-tracked SPTE");
        all.field("acc_track_saved_x").bit(56).software().doc("Saved EPT X of an access-tracked SPTE");

        all.value("REMOVED_SPTE").is(lit(0x5a0))
                .doc("Marks an SPTE the TDP MMU is tearing down: bits 5, 7, 8 and 10, so no R/W/X, P or PFN bit is "
                        + "set and the value is not present on any vendor and cannot leak a host address (L1TF)");
        all.value("SHADOW_NONPRESENT_VALUE").is(lit(0))
                .doc("The value of a non-present SPTE: 0 before 6.10 (KVM had no name for it)");
        all.number("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN").is(5)
                .doc("How many top cacheable PA bits an L1TF-affected host sets in MMIO SPTEs");
        all.mask("SPTE_MMIO_ALLOWED_MASK").is(or(bit(63), genmask(51, 12), genmask(2, 0)))
                .doc("Bits an MMIO mask may use: not the MMU-present bit, not the generation bits");
    }

    /** The memslot generation cached in MMIO SPTEs, split around the PFN bits. */
    private static void mmioGeneration(LayoutScope all) {
        all.number("MMIO_SPTE_GEN_LOW_START").is(3).doc("First bit of the low generation part (after R/W/X or P/W/U)");
        all.number("MMIO_SPTE_GEN_LOW_END").is(10).doc("Last bit of the low generation part (bit 11 is MMU-present)");
        all.number("MMIO_SPTE_GEN_HIGH_START").is(52).doc("First bit of the high generation part, above the PFN");
        all.number("MMIO_SPTE_GEN_HIGH_END").is(62).doc("Last bit of the high generation part; bit 63 is left for suppress-#VE and NX");
        all.number("MMIO_SPTE_GEN_LOW_BITS").is(c("MMIO_SPTE_GEN_LOW_END").minus(c("MMIO_SPTE_GEN_LOW_START")).plus(1))
                .doc("Width of the low part");
        all.number("MMIO_SPTE_GEN_HIGH_BITS").is(c("MMIO_SPTE_GEN_HIGH_END").minus(c("MMIO_SPTE_GEN_HIGH_START")).plus(1))
                .doc("Width of the high part");
        all.mask("MMIO_SPTE_GEN_LOW_MASK").is(genmask(c("MMIO_SPTE_GEN_LOW_END"), c("MMIO_SPTE_GEN_LOW_START")))
                .doc("Low generation bits of an MMIO SPTE");
        all.mask("MMIO_SPTE_GEN_HIGH_MASK").is(genmask(c("MMIO_SPTE_GEN_HIGH_END"), c("MMIO_SPTE_GEN_HIGH_START")))
                .doc("High generation bits of an MMIO SPTE");
        all.number("MMIO_SPTE_GEN_LOW_SHIFT").is(c("MMIO_SPTE_GEN_LOW_START"))
                .doc("Shift of generation bit 0 into the SPTE");
        all.number("MMIO_SPTE_GEN_HIGH_SHIFT").is(c("MMIO_SPTE_GEN_HIGH_START").minus(c("MMIO_SPTE_GEN_LOW_BITS")))
                .doc("Shift of the first high generation bit into the SPTE");
        all.mask("MMIO_SPTE_GEN_MASK")
                .is(genmask(c("MMIO_SPTE_GEN_LOW_BITS").plus(c("MMIO_SPTE_GEN_HIGH_BITS")).minus(1), lit(0)))
                .doc("The generation bits an MMIO SPTE can hold");
        all.field("mmio_gen")
                .bits(c("MMIO_SPTE_GEN_LOW_START"), c("MMIO_SPTE_GEN_LOW_END"))
                .bits(c("MMIO_SPTE_GEN_HIGH_START"), c("MMIO_SPTE_GEN_HIGH_END"))
                .width(c("MMIO_SPTE_GEN_LOW_BITS").plus(c("MMIO_SPTE_GEN_HIGH_BITS"))).software()
                .doc("The memslot generation an MMIO SPTE was created in; a mismatch forces a slow-path re-check");
    }

    /** The shadow_* masks: x86 defaults (kvm_mmu_reset_all_pte_masks), then EPT (kvm_mmu_set_ept_masks). */
    private static void kvmMasks(SpecBuilder s) {
        LayoutScope all = s.all();
        LayoutScope x86 = s.on(Vendor.NPT, Vendor.SHADOW);
        LayoutScope ept = s.on(Vendor.EPT);

        all.number("x86_phys_bits").is(p("maxphyaddr").minus(p("me_phys_bits_reduction")))
                .doc("boot_cpu_data.x86_phys_bits: MAXPHYADDR less the bits taken by memory encryption");

        x86.field("host_writable").bit(9).software().doc("The host mapping allows writes (SPTE_HOST_WRITABLE)");
        x86.field("mmu_writable").bit(10).software()
                .doc("KVM may make the SPTE writable without a slow-path check (not write-protected for a shadowed page table)");
        ept.field("host_writable").bit(57).software().doc("The host mapping allows writes (EPT_SPTE_HOST_WRITABLE)");
        ept.field("mmu_writable").bit(58).software()
                .doc("KVM may make the SPTE writable without a slow-path check (EPT_SPTE_MMU_WRITABLE)");

        x86.mask("shadow_present_mask").is(c("PT_PRESENT_MASK")).doc("Set in every present SPTE: P");
        ept.mask("shadow_present_mask").is(when(p("ept_exec_only"), lit(0), c("VMX_EPT_READABLE_MASK")))
                .doc("Set in every present SPTE: R, unless the CPU supports execute-only entries");
        x86.mask("shadow_user_mask").is(c("PT_USER_MASK")).doc("Set for ACC_USER: U/S");
        ept.mask("shadow_user_mask").is(c("VMX_EPT_READABLE_MASK")).doc("Set for ACC_USER: EPT R (readable)");
        x86.mask("shadow_accessed_mask").is(c("PT_ACCESSED_MASK")).doc("Hardware accessed bit: A");
        ept.mask("shadow_accessed_mask").is(when(p("ept_ad"), c("VMX_EPT_ACCESS_BIT"), lit(0)))
                .doc("Hardware accessed bit: EPT A if A/D bits are enabled, else none");
        x86.mask("shadow_dirty_mask").is(c("PT_DIRTY_MASK")).doc("Hardware dirty bit: D");
        ept.mask("shadow_dirty_mask").is(when(p("ept_ad"), c("VMX_EPT_DIRTY_BIT"), lit(0)))
                .doc("Hardware dirty bit: EPT D if A/D bits are enabled, else none");
        x86.mask("shadow_nx_mask").is(c("PT64_NX_MASK")).doc("Set for non-executable mappings: NX");
        ept.mask("shadow_nx_mask").is(lit(0)).doc("EPT has no NX bit");
        x86.mask("shadow_x_mask").is(lit(0)).doc("x86 has no execute bit");
        ept.mask("shadow_x_mask").is(c("VMX_EPT_EXECUTABLE_MASK")).doc("Set for executable mappings: EPT X");
        x86.mask("shadow_memtype_mask").is(lit(0)).doc("No memory type in SPTEs: PAT index 0 (WB) is relied on");
        ept.mask("shadow_memtype_mask").is(c("VMX_EPT_MT_MASK").or(c("VMX_EPT_IPAT_BIT")))
                .doc("Memory type and IPAT of EPT leaves (6.0)");
        x86.mask("shadow_acc_track_mask").is(lit(0)).doc("No access tracking: x86 SPTEs always have A/D bits");
        ept.mask("shadow_acc_track_mask").is(c("VMX_EPT_RWX_MASK"))
                .doc("Access tracking clears R/W/X so the next access faults");
        all.mask("shadow_host_writable_mask").is(maskOf("host_writable")).doc("This vendor's host-writable bit");
        all.mask("shadow_mmu_writable_mask").is(maskOf("mmu_writable")).doc("This vendor's MMU-writable bit");
        LayoutScope npt = s.on(Vendor.NPT);
        LayoutScope intel = s.on(Vendor.EPT, Vendor.SHADOW);
        npt.mask("shadow_me_mask").is(when(p("sme_c_bit").nonZero(), bit(p("sme_c_bit")), lit(0)))
                .doc("Memory-encryption bits (the SME C-bit), never reserved for KVM's own SPTEs");
        npt.mask("shadow_me_value").is(c("shadow_me_mask"))
                .doc("Memory-encryption bits KVM sets in non-MMIO SPTEs: the C-bit (5.19 split value from mask)");
        intel.mask("shadow_me_mask").is(when(p("me_phys_bits_reduction").nonZero(),
                        genmask(p("maxphyaddr").minus(1), c("x86_phys_bits")), lit(0)))
                .doc("MKTME/TDX KeyID bits from x86_phys_bits to MAXPHYADDR - 1 (vmx_setup_me_spte_mask)");
        intel.mask("shadow_me_value").is(lit(0)).doc("KVM sets no KeyID bits in its own SPTEs");

        all.mask("shadow_nonpresent_or_rsvd_mask").is(when(p("l1tf_cache_bits").nonZero(),
                        genmask(p("l1tf_cache_bits").minus(1),
                                p("l1tf_cache_bits").minus(c("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN"))), lit(0)))
                .doc("L1TF: the top 5 cacheable PA bits, set in MMIO SPTEs so they never point at cached memory");
        all.mask("shadow_nonpresent_or_rsvd_lower_gfn_mask").is(genmask(
                        when(p("l1tf_cache_bits").nonZero(),
                                p("l1tf_cache_bits").minus(c("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN")),
                                c("x86_phys_bits")).minus(1), c("PAGE_SHIFT")))
                .doc("GPA bits an MMIO SPTE stores in place; the bits under the L1TF mask are stored 5 bits higher");

        x86.value("mmio_value_requested")
                .is(when(c("mmio_mask_bit").lt(52), genmask(lit(51), c("mmio_mask_bit")).or(c("PT_PRESENT_MASK")), lit(0)))
                .doc("The MMIO value and mask x86 asks for: P plus reserved PA bits from the PA width up to 51, so "
                        + "an access takes a reserved-bit fault (svm_adjust_mmio_mask with SME); 0 if no PA bit is reserved");
        x86.number("mmio_mask_bit").is(when(p("sme_c_bit").nonZero(),
                        c("x86_phys_bits").plus(when(c("x86_phys_bits").eq(p("sme_c_bit")), lit(1), lit(0))),
                        when(p("maxphyaddr").lt(52), lit(51), lit(52))))
                .doc("Lowest reserved PA bit used for MMIO: bit 51 if MAXPHYADDR < 52, without memory encryption "
                        + "(52 = none reserved); "
                        + "else the first bit above the reduced PA width, skipping the C-bit");
        x86.mask("mmio_mask_requested").is(c("mmio_value_requested")).doc("x86 MMIO mask: the same bits as the value");
        ept.value("mmio_value_requested").is(c("VMX_EPT_MISCONFIG_WX_VALUE"))
                .doc("EPT MMIO value: W+X without R, an EPT misconfiguration");
        ept.mask("mmio_mask_requested").is(c("VMX_EPT_RWX_MASK")).doc("EPT MMIO mask: R/W/X");
        x86.mask("shadow_mmio_access_mask").is(c("ACC_WRITE_MASK").or(c("ACC_USER_MASK")))
                .doc("Access bits cached in x86 MMIO SPTEs (W, U)");
        ept.mask("shadow_mmio_access_mask").is(lit(0)).doc("EPT MMIO SPTEs cache no access bits");

        all.value("shadow_mmio_value").is(when(allOf(
                        p("mmio_caching"),
                        c("mmio_mask_requested").clear(c("SPTE_MMIO_ALLOWED_MASK")).isZero(),
                        c("mmio_value_requested").and(c("shadow_nonpresent_or_rsvd_mask")
                                .shl(c("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN"))).isZero(),
                        c("mmio_value_requested").and(c("mmio_mask_requested")).eq(c("mmio_value_requested")),
                        c("REMOVED_SPTE").and(c("mmio_mask_requested")).ne(c("mmio_value_requested"))),
                        c("mmio_value_requested"), lit(0)))
                .doc("kvm_mmu_set_mmio_spte_mask: the requested value, or 0 (caching off) if mmio_caching is off, the "
                        + "mask strays outside SPTE_MMIO_ALLOWED_MASK, the value hits the L1TF relocation bits, is not "
                        + "within the mask, or would match REMOVED_SPTE");
        all.mask("shadow_mmio_mask").is(c("mmio_mask_requested")).doc("Bits compared to identify an MMIO SPTE");
        all.flag("enable_mmio_caching").is(c("shadow_mmio_value").nonZero())
                .doc("MMIO SPTEs are used at all: off when no MMIO value is possible");
        all.flag("kvm_ad_enabled").is(c("shadow_accessed_mask").nonZero())
                .doc("KVM uses hardware A/D bits for non-nested MMUs");
    }
}
