package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;

/**
 * Linux 6.10, "Allow non-zero value for non-present SPTE and removed SPTE" (7f01cab84928) and
 * "Add Suppress VE bit to EPT shadow_mmio_mask/shadow_present_mask" (7fa5e2929198): non-present
 * SPTEs and REMOVED_SPTE carry bit 63, so that on EPT with #VE enabled they exit to KVM instead of
 * raising #VE; the MMIO value becomes per VM (949019b98289); CONFIG_KVM_INTEL_PROVE_VE.
 */
public final class KvmX86_6_10 {
    public static final Spec SPEC = build();

    private KvmX86_6_10() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_5_13.SPEC, "kvm-6.10", "6.10",
                "Non-present SPTEs and REMOVED_SPTE carry bit 63 (EPT suppress-#VE); EPT present and MMIO masks "
                        + "include suppress-#VE; the MMIO value is per VM");
        LayoutScope all = s.all().redefine();
        all.value("SHADOW_NONPRESENT_VALUE").is(bit(63))
                .doc("The value of a non-present SPTE on 64-bit hosts: bit 63, which is suppress-#VE on EPT and "
                        + "ignored in a non-present x86 entry");
        all.value("REMOVED_SPTE").is(c("SHADOW_NONPRESENT_VALUE").or(lit(0x5a0)))
                .doc("Marks an SPTE the TDP MMU is tearing down: the non-present value plus bits 5, 7, 8 and 10, so "
                        + "no R/W/X, P or PFN bit is set and the value is not present on any vendor and cannot leak a "
                        + "host address (L1TF)");
        LayoutScope ept = s.on(Vendor.EPT).redefine();
        ept.mask("shadow_present_mask")
                .is(when(p("ept_exec_only"), lit(0), c("VMX_EPT_READABLE_MASK"))
                        .or(c("VMX_EPT_SUPPRESS_VE_BIT")))
                .doc("Set in every present SPTE: suppress-#VE, and R unless the CPU supports execute-only entries");
        ept.mask("mmio_mask_requested").is(c("VMX_EPT_RWX_MASK").or(c("VMX_EPT_SUPPRESS_VE_BIT")))
                .doc("EPT MMIO mask: R/W/X and suppress-#VE, so an MMIO value without suppress-#VE (TDX) can be told "
                        + "apart from non-present SPTEs");

        s.all().mask("vm_shadow_mmio_value").is(c("shadow_mmio_value"))
                .doc("kvm->arch.shadow_mmio_value: this VM's MMIO value, copied from the global one at creation");
        all.predicate("is_mmio_spte")
                .is(SPTE.and(c("shadow_mmio_mask")).eq(c("vm_shadow_mmio_value")).andAlso(c("enable_mmio_caching")))
                .doc("An MMIO SPTE: the MMIO-mask bits equal this VM's MMIO value, and MMIO caching is on");
        all.maker("make_mmio_spte").is(Kvm513Functions.mmioSpte(c("vm_shadow_mmio_value")));
        s.all().predicate("is_ept_ve_possible").of(spte())
                .is(c("shadow_present_mask").anySet(c("VMX_EPT_SUPPRESS_VE_BIT"))
                        .andAlso(SPTE.and(c("VMX_EPT_SUPPRESS_VE_BIT")).isZero())
                        .andAlso(SPTE.and(c("VMX_EPT_RWX_MASK")).ne(c("VMX_EPT_MISCONFIG_WX_VALUE"))))
                .doc("An access through this SPTE could raise #VE: KVM uses suppress-#VE, the SPTE lacks it, "
                        + "and it is not the MMIO misconfiguration");

        s.all().invariant("nonpresent_not_mmu_present").disjoint(c("SHADOW_NONPRESENT_VALUE"), c("SPTE_MMU_PRESENT_MASK"))
                .doc("the non-present value is not MMU-present");
        for (String view : new String[] {"leaf", "nonleaf"}) {
            s.all().invariant(view + "_no_ve").forEveryProduced(view).holds(not(call("is_ept_ve_possible", SPTE)))
                    .doc("KVM never installs a " + view + " SPTE that could raise #VE");
        }
        s.profile("ept-ve", Vendor.EPT, "Intel EPT with EPT-violation #VE enabled (CONFIG_KVM_INTEL_PROVE_VE)")
                .set("ept_ve", true);
        return s.build();
    }
}
