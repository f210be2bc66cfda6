package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.address;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.or;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;

/**
 * Linux 7.2, the MBEC/GMET series ("free up bit 10 of PTEs", "shuffle high bits of SPTEs"): EPT bit
 * 10 becomes user-mode execute (XU), so the MMIO generation loses bit 10 (18 bits in 3-9 and 52-62)
 * and FROZEN_SPTE loses it (0x1a0); the A/D type moves to bits 60-61, access tracking saves R, X
 * and XU at 52, 54 and 62, EPT host/MMU-writable move to 53/55; shadow_x_mask splits into
 * shadow_xs_mask and shadow_xu_mask; ACC_READ_MASK appears and R comes from it.
 */
public final class KvmX86_7_2 {
    public static final Spec SPEC = build();

    private KvmX86_7_2() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_16.SPEC, "kvm-7.2", "7.2",
                "EPT bit 10 is user execute (MBEC): A/D type in 60-61, saved bits at 52/54/62, EPT writable bits "
                        + "53/55, 18-bit MMIO generation in 3-9 and 52-62, FROZEN_SPTE bit 63 | 0x1a0");
        s.boolParam("mbec", true, "kvm_intel.mbec: mode-based execute control for EPT (needs CPU support and EPT)");
        LayoutScope all = s.all();
        LayoutScope redo = all.redefine();

        redo.number("SPTE_TDP_AD_SHIFT").is(60).doc("Position of the A/D type in ignored bits 60-61");
        all.mask("VMX_EPT_USER_EXECUTABLE_MASK").is(bit(10)).doc("EPT XU bit: user-mode execute under MBEC");
        redo.mask("SHADOW_ACC_TRACK_SAVED_BITS_MASK")
                .is(or(c("SPTE_EPT_READABLE_MASK"), c("SPTE_EPT_EXECUTABLE_MASK"), c("VMX_EPT_USER_EXECUTABLE_MASK")))
                .doc("The bits access tracking saves before clearing them: R, X and XU");
        redo.number("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT").is(52).doc("Where access tracking saves R, X and XU");
        redo.field("acc_track_saved_r").bit(52);
        redo.field("acc_track_saved_x").bit(54);
        all.field("acc_track_saved_xu").bit(62).software().doc("Saved EPT XU of an access-tracked SPTE");
        redo.mask("EPT_SPTE_HOST_WRITABLE").is(bit(53)).doc("Host-writable for EPT: ignored bit 53");
        redo.mask("EPT_SPTE_MMU_WRITABLE").is(bit(55)).doc("MMU-writable for EPT: ignored bit 55");
        redo.number("MMIO_SPTE_GEN_LOW_END").is(9).doc("Last bit of the low generation part (bit 10 is EPT XU)");
        redo.value("FROZEN_SPTE").is(c("SHADOW_NONPRESENT_VALUE").or(lit(0x1a0)))
                .doc("Marks an SPTE that is being torn down or whose mirror change is being propagated: the "
                        + "non-present value plus bits 5, 7 and 8, so no R/W/X, XU, P or PFN bit is set");
        redo.mask("SPTE_MMIO_ALLOWED_MASK").is(or(bit(63), genmask(51, 12), genmask(10, 10), genmask(2, 0)))
                .doc("Bits an MMIO mask may use: not the MMU-present bit, not the generation bits (bit 10 is free now)");

        redo.mask("ACC_EXEC_MASK").is(lit(8)).doc("KVM access bit: executable (supervisor execute on EPT)");
        all.mask("ACC_READ_MASK").is(lit(1)).doc("KVM access bit: readable");
        all.mask("ACC_USER_EXEC_MASK").is(c("ACC_USER_MASK")).doc("KVM access bit: user-mode executable (EPT XU)");
        redo.mask("ACC_ALL").is(or(c("ACC_READ_MASK"), c("ACC_WRITE_MASK"), c("ACC_USER_MASK"), c("ACC_EXEC_MASK")))
                .doc("All KVM access bits");

        masks(s);
        functions(s);
        invariants(s);
        return s.build();
    }

    private static void masks(SpecBuilder s) {
        LayoutScope eptTdx = s.on(Vendor.EPT, Vendor.TDX).redefine();
        eptTdx.field("host_writable").bit(53);
        eptTdx.field("mmu_writable").bit(55);
        eptTdx.mask("shadow_user_mask").is(lit(0)).doc("EPT has no user bit; user execute is shadow_xu_mask");
        eptTdx.mask("shadow_present_mask").is(c("VMX_EPT_SUPPRESS_VE_BIT"))
                .doc("Set in every present SPTE: suppress-#VE (R now comes from ACC_READ)");
        eptTdx.mask("shadow_acc_track_mask").is(c("VMX_EPT_RWX_MASK").or(c("VMX_EPT_USER_EXECUTABLE_MASK")))
                .doc("Access tracking clears R/W/X and XU so the next access faults");
        Hardware.eptMbec(s.on(Vendor.EPT, Vendor.TDX));

        LayoutScope all = s.all();
        all.remove("shadow_x_mask");
        LayoutScope x86 = s.on(Vendor.NPT, Vendor.SHADOW);
        x86.mask("shadow_xs_mask").is(lit(0)).doc("x86 has no execute bit");
        x86.mask("shadow_xu_mask").is(lit(0)).doc("x86 has no user-execute bit");
        LayoutScope ept = s.on(Vendor.EPT, Vendor.TDX);
        ept.mask("shadow_xs_mask").is(c("VMX_EPT_EXECUTABLE_MASK")).doc("Supervisor execute: EPT X");
        ept.mask("shadow_xu_mask").is(c("VMX_EPT_USER_EXECUTABLE_MASK"))
                .doc("User execute: EPT XU, set in KVM's SPTEs whether or not MBEC is enabled");
    }

    private static void functions(SpecBuilder s) {
        LayoutScope redo = s.all().redefine();
        redo.predicate("is_executable_pte")
                .is(SPTE.and(or(c("shadow_xs_mask"), c("shadow_xu_mask"), c("shadow_nx_mask"))).ne(c("shadow_nx_mask")))
                .doc("Some instruction fetch is allowed: X or XU set on EPT, NX clear on x86");
        redo.maker("make_mmio_spte")
                .of(address("gfn", c("x86_phys_bits").minus(c("PAGE_SHIFT"))), bits("access", 4),
                        bits("gen", c("MMIO_SPTE_GEN_LOW_BITS").plus(c("MMIO_SPTE_GEN_HIGH_BITS"))));
        redo.maker("make_nonleaf_spte")
                .is(or(c("SPTE_MMU_PRESENT_MASK"), arg("child_pfn").shl(c("PAGE_SHIFT")),
                        c("shadow_present_mask"), c("PT_PRESENT_MASK"), c("PT_WRITABLE_MASK"), c("shadow_user_mask"),
                        c("shadow_xs_mask"), c("shadow_xu_mask"), c("shadow_me_value"),
                        when(arg("ad_disabled"),
                                c("SPTE_TDP_AD_DISABLED"), c("shadow_accessed_mask"))))
                .doc("An SPTE pointing at a child page table: present, readable, writable, user and executable "
                        + "(supervisor and user), so the leaves decide the permissions");
        redo.maker("make_spte").of(MakeSpte.args(MakeSpte.Era.V7_2)).is(MakeSpte.body(MakeSpte.Era.V7_2))
                .doc("A leaf SPTE (make_spte reduced to its bit logic): A/D type, present bits, Accessed unless "
                        + "prefetched (or when synchronizing), R from ACC_READ, supervisor and user execute (not "
                        + "for huge pages under the NX huge page mitigation), user, PS, memtype, host-writable, "
                        + "memory encryption, the PFN, then W, MMU-writable and Dirty if writable");
        s.on(Vendor.EPT, Vendor.TDX).redefine().maker("make_spte").requires(MakeSpte.eptDomain(MakeSpte.Era.V7_2));
    }

    private static void invariants(SpecBuilder s) {
        LayoutScope all = s.all();
        all.redefine().invariant("mmio_gen_low_bits").equal(c("MMIO_SPTE_GEN_LOW_BITS"), lit(7))
                .doc("the low generation part is 7 bits wide");
        all.invariant("frozen_spte_no_rwx").disjoint(c("FROZEN_SPTE"),
                        or(c("SPTE_MMU_PRESENT_MASK"), c("VMX_EPT_RWX_MASK"), c("VMX_EPT_USER_EXECUTABLE_MASK")))
                .doc("frozen SPTE sets neither the MMU-present bit nor any EPT execute, read or write bit");
        // is_mmio_spte ignores XU, so a value with the TD MMIO pattern and XU set is present under MBEC:
        // only the MMIO SPTEs KVM makes (gen bits stop at 9) are sure to raise #VE.
        s.on(Vendor.TDX).redefine().invariant("mmio_faults_in_hardware").forEveryProduced("mmio")
                .doc("every MMIO SPTE KVM makes for a TD raises #VE in the guest");
        for (String view : new String[] {"leaf", "nonleaf"}) {
            s.on(Vendor.EPT, Vendor.TDX).redefine().view(view).fields(eptFields(view));
        }
        s.all().redefine().view("access_tracked")
                .fields("mmu_present", "ad_type", "acc_track_saved_r", "acc_track_saved_x", "acc_track_saved_xu",
                        "host_writable", "mmu_writable", "pfn");
    }

    private static String[] eptFields(String view) {
        return view.equals("leaf")
                ? new String[] {"ept_r", "ept_w", "ept_x", "memtype", "ipat", "large", "accessed", "dirty", "ept_xu",
                    "mmu_present", "pfn", "host_writable", "ad_type", "mmu_writable", "suppress_ve"}
                : new String[] {"ept_r", "ept_w", "ept_x", "accessed", "ept_xu", "mmu_present", "pfn", "host_writable",
                    "ad_type", "mmu_writable", "suppress_ve"};
    }
}
