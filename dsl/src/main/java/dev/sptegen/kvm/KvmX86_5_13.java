package dev.sptegen.kvm;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;

/**
 * The layout introduced in Linux 5.13 ("Introduce MMU_PRESENT and fix bugs") and in force until
 * 6.9: MMU-present bit 11, the A/D type in bits 52-53, host/MMU-writable in bits 9/10 (57/58 on
 * EPT), a 19-bit MMIO generation in bits 3-10 and 52-62, REMOVED_SPTE = 0x5a0 and non-present
 * SPTEs equal to 0. Names and helpers are those of 6.9; the helpers that changed between 5.13 and
 * 6.9 (shadow_me_value, shadow_memtype_mask, SPTE_MMIO_ALLOWED_MASK) did not change the encoding.
 */
public final class KvmX86_5_13 {
    public static final Spec SPEC = build();

    private KvmX86_5_13() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.create("kvm-5.13", "5.13",
                "MMU-present bit 11; A/D type in 52-53; EPT host/MMU-writable in 57/58; 19-bit MMIO generation "
                        + "in 3-10 and 52-62; REMOVED_SPTE 0x5a0; non-present SPTEs are 0",
                Vendor.EPT, Vendor.NPT, Vendor.SHADOW);
        parameters(s);
        Hardware.enums(s);
        Kvm513Bits.declare(s);
        Kvm513Functions.declare(s);
        Kvm513Rules.declare(s);
        GuestPaging.declare(s);
        profiles(s);
        return s.build();
    }

    private static void parameters(SpecBuilder s) {
        s.intParam("maxphyaddr", 36, 52, 46,
                "Host MAXPHYADDR, CPUID.80000008H:EAX[7:0] (KVM's shadow_phys_bits, kvm_host.maxphyaddr from 6.11)");
        s.intParam("me_phys_bits_reduction", 0, 16, 0,
                "Physical-address bits the host loses to memory encryption (AMD CPUID 0x8000001F EBX[11:6], "
                        + "Intel MKTME/TDX KeyID bits); x86_phys_bits = maxphyaddr - this");
        s.intParam("sme_c_bit", 0, 51, 0,
                "Position of the AMD memory-encryption C-bit when the host runs with SME (CPUID 0x8000001F EBX[5:0]); 0 = no SME");
        s.intParam("l1tf_cache_bits", 0, 46, 0,
                "x86_cache_bits of a host with X86_BUG_L1TF, whose MMIO SPTEs set the top 5 cacheable PA bits; 0 = not affected");
        s.boolParam("mmio_caching", true, "kvm.mmio_caching: cache MMIO translations in SPTEs");
        s.boolParam("ept_ad", true, "EPT accessed/dirty flags are used (kvm_intel.eptad and CPU support)");
        s.boolParam("ept_exec_only", true, "The CPU supports execute-only EPT entries (IA32_VMX_EPT_VPID_CAP bit 0)");
        s.boolParam("ept_ve", false,
                "EPT violations become #VE in the guest unless the entry has suppress-#VE (CONFIG_KVM_INTEL_PROVE_VE, TDX)");
        s.boolParam("nx_huge_pages", false, "kvm.nx_huge_pages: huge pages are mapped non-executable (iTLB multihit)");
        s.boolParam("ignore_guest_pat", true,
                "EPT leaves use WB with IPAT (the VM has no non-coherent DMA); false honours guest PAT");
    }

    private static void profiles(SpecBuilder s) {
        s.profile("ept", Vendor.EPT, "Intel EPT with A/D bits and execute-only support");
        s.profile("ept-noad", Vendor.EPT, "Intel EPT without A/D bits (eptad=0): access tracking").set("ept_ad", false);
        s.profile("ept-noexec-only", Vendor.EPT, "Intel EPT on a CPU without execute-only entries")
                .set("ept_exec_only", false);
        s.profile("npt", Vendor.NPT, "AMD NPT without memory encryption");
        s.profile("npt-sme", Vendor.NPT, "AMD NPT on a host with SME: C-bit 47, 5 PA bits lost to encryption")
                .set("maxphyaddr", 48).set("sme_c_bit", 47).set("me_phys_bits_reduction", 5);
        s.profile("shadow", Vendor.SHADOW, "Legacy shadow paging (ept=0) of a 64-bit guest on an L1TF-affected Intel host")
                .set("l1tf_cache_bits", 46);
    }
}
