package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;

/**
 * Linux 6.16, TDX host support: a TD uses the EPT masks, an MMIO value of 0 (so MMIO accesses raise
 * #VE in the TD, which then asks the host by hypercall), the shared GPA bit as gfn_direct_bits, and
 * requires EPT A/D bits and MMIO caching. shadow_memtype_mask is gone (3fee4837ef40): leaves get a
 * memory type iff the vendor has get_mt_mask.
 */
public final class KvmX86_6_16 {
    public static final Spec SPEC = build();

    private KvmX86_6_16() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_13.SPEC, "kvm-6.16", "6.16",
                "TDX: EPT masks with a per-VM MMIO value of 0 and #VE for MMIO; shadow_memtype_mask removed");
        s.intParam("tdx_shared_bit", 47, 51, 47,
                "The GPA bit that marks shared memory in a TD: 47 with 4-level EPT (GPAW 48), 51 with 5-level");
        s.addVendor(Vendor.TDX, Vendor.EPT);

        LayoutScope all = s.all();
        all.remove("shadow_memtype_mask");
        all.redefine().function("spte_memtype").is(call("get_mt_mask", arg("host_mmio")))
                .doc("Memory-type bits of a leaf: the vendor's get_mt_mask");
        s.on(Vendor.TDX).redefine().function("get_mt_mask")
                .is(when(arg("host_mmio"), enumValue("ept_memtype", "UC").shl(c("VMX_EPT_MT_EPTE_SHIFT")),
                        enumValue("ept_memtype", "WB").shl(c("VMX_EPT_MT_EPTE_SHIFT"))))
                .doc("TDs always honour guest PAT: UC for host MMIO, else WB, never IPAT");
        all.mask("gfn_direct_bits").is(lit(0)).doc("kvm->arch.gfn_direct_bits: only TDs have a shared bit");
        s.on(Vendor.TDX).redefine().mask("gfn_direct_bits").is(bit(p("tdx_shared_bit").minus(c("PAGE_SHIFT"))))
                .doc("kvm->arch.gfn_direct_bits: the shared GPA bit as a GFN bit; direct (shared) roots map gfn | this");
        s.on(Vendor.TDX).redefine().mask("vm_shadow_mmio_value").is(lit(0))
                .doc("kvm->arch.shadow_mmio_value of a TD: 0, so MMIO SPTEs have R/W/X and suppress-#VE clear and "
                        + "raise #VE in the TD");

        LayoutScope tdx = s.on(Vendor.TDX);
        Expr ve = Hardware.outcome("VE");
        tdx.redefine().invariant("mmio_faults_in_hardware")
                .holds(call("hw_access", SPTE, arg("level"), enumValue("access_kind", "READ")).eq(ve)
                        .andAlso(call("hw_access", SPTE, arg("level"), enumValue("access_kind", "WRITE")).eq(ve))
                        .andAlso(call("hw_access", SPTE, arg("level"), enumValue("access_kind", "USER_FETCH")).eq(ve)))
                .doc("every MMIO SPTE of a TD raises #VE in the guest");
        tdx.invariant("tdx_requires_ept_ad").holds(c("kvm_ad_enabled"))
                .doc("TDX requires EPT A/D bits");
        tdx.invariant("tdx_requires_mmio_caching").holds(c("enable_mmio_caching"))
                .doc("TDX requires MMIO caching: MMIO is reported by #VE, not by misconfiguration exits");
        tdx.invariant("tdx_requires_ve").holds(p("ept_ve"))
                .doc("the TDX module enables EPT-violation #VE for TDs");
        s.profile("tdx", Vendor.TDX, "A TDX guest (TD) on a TDX host: EPT with A/D bits, #VE enabled, shared bit 47")
                .set("ept_ve", true);
        return s.build();
    }
}
