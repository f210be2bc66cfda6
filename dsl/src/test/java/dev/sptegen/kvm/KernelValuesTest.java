package dev.sptegen.kvm;

import static dev.sptegen.kvm.Era.ANY;
import static dev.sptegen.kvm.Era.EPT;
import static dev.sptegen.kvm.Era.EPT_AD;
import static dev.sptegen.kvm.Era.EPT_EXEC_ONLY;
import static dev.sptegen.kvm.Era.K5_13;
import static dev.sptegen.kvm.Era.K6_10;
import static dev.sptegen.kvm.Era.K6_11;
import static dev.sptegen.kvm.Era.K6_13;
import static dev.sptegen.kvm.Era.K6_16;
import static dev.sptegen.kvm.Era.K7_2;
import static dev.sptegen.kvm.Era.X86;
import static dev.sptegen.kvm.Era.all;
import static dev.sptegen.kvm.Era.from;
import static dev.sptegen.kvm.Era.only;
import static dev.sptegen.kvm.Era.profiles;
import static dev.sptegen.kvm.Era.range;
import static dev.sptegen.kvm.Era.upTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Layout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden values of KVM's SPTE constants and shadow_* masks for every era and profile, taken from
 * the facts file (/work/shared/reference/kvm-spte-facts.md) and written here by hand, never read back
 * from the specs. The profiles: ept (A/D, execute-only), ept-noad, ept-noexec-only, ept-ve (6.10+),
 * tdx (6.16+), npt (no SME), npt-sme (MAXPHYADDR 48, C-bit 47, 5 PA bits lost, so x86_phys_bits 43),
 * shadow (L1TF host with x86_cache_bits 46). MAXPHYADDR is 46 unless said otherwise.
 *
 * <p>Source tags: "[R]" marks a fact the facts file itself tags as recalled/unverified; "[M]" one
 * taken from mail/pull-request evidence only; "derived" one computed from the cited rules rather than
 * stated as a number.
 */
class KernelValuesTest {
    private static final long BIT63 = 0x8000000000000000L;

    private static final FactTable<Long> FACTS = new FactTable<>();

    static {
        layoutConstants();
        mmioGeneration();
        accessBits();
        hardwareBits();
        x86Masks();
        eptMasks();
        mmioMasks();
        perVmValues();
    }

    private static FactTable<Long>.Where at(Set<Era> eras, Set<String> profiles) {
        return FACTS.where(eras, profiles);
    }

    /** Facts 1.2: software-bit layout constants (the same for every vendor). */
    private static void layoutConstants() {
        at(all(), ANY)
                .is("SPTE_MMU_PRESENT_MASK", 0x800L, "1.2")
                .is("SPTE_TDP_AD_ENABLED", 0L, "1.2 (static_assert)")
                .is("DEFAULT_SPTE_HOST_WRITABLE", 0x200L, "1.2")
                .is("DEFAULT_SPTE_MMU_WRITABLE", 0x400L, "1.2")
                .is("SHADOW_NONPRESENT_OR_RSVD_MASK_LEN", 5L, "1.2");
        at(upTo(K6_16), ANY)
                .is("SPTE_TDP_AD_MASK", 0x0030000000000000L, "1.2 (5.13-7.1)")
                .is("SPTE_TDP_AD_DISABLED", 0x0010000000000000L, "1.2 (5.13-7.1)")
                .is("SPTE_TDP_AD_WRPROT_ONLY", 0x0020000000000000L, "1.2 (5.13-7.1)")
                .is("SHADOW_ACC_TRACK_SAVED_MASK", 0x0140000000000000L, "1.2 (5.4-7.1)")
                .is("SHADOW_ACC_TRACK_SAVED_BITS_MASK", 0x5L, "1.2 (5.x-7.1)")
                .is("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT", 54L, "1.2 table (5.13-7.1)")
                .is("EPT_SPTE_HOST_WRITABLE", 0x0200000000000000L, "1.2 (5.13-7.1)")
                .is("EPT_SPTE_MMU_WRITABLE", 0x0400000000000000L, "1.2 (5.13-7.1)");
        at(only(K7_2), ANY)
                .is("SPTE_TDP_AD_MASK", 0x3000000000000000L, "1.2 (7.2+)")
                .is("SPTE_TDP_AD_DISABLED", 0x1000000000000000L, "1.2 (7.2+)")
                .is("SPTE_TDP_AD_WRPROT_ONLY", 0x2000000000000000L, "1.2 (7.2+)")
                .is("SHADOW_ACC_TRACK_SAVED_MASK", 0x4050000000000000L, "1.2 (7.2+)")
                .is("SHADOW_ACC_TRACK_SAVED_BITS_MASK", 0x405L, "1.2 (7.2+)")
                .is("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT", 52L, "1.2 table (7.2+)")
                .is("EPT_SPTE_HOST_WRITABLE", 0x0020000000000000L, "1.2 (7.2+)")
                .is("EPT_SPTE_MMU_WRITABLE", 0x0080000000000000L, "1.2 (7.2+)");

        // SPTE_BASE_ADDR_MASK: bits 51:12, less the SME C-bit when the host uses it (CONFIG_DYNAMIC_PHYSICAL_MASK).
        at(all(), profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve", "tdx", "npt", "shadow"))
                .is("SPTE_BASE_ADDR_MASK", 0x000FFFFFFFFFF000L, "1.2");
        at(all(), profiles("npt-sme"))
                .is("SPTE_BASE_ADDR_MASK", 0x000F7FFFFFFFF000L, "1.2 + 2.3 (C-bit 47 excluded), derived");

        at(only(K5_13), ANY)
                .is("SPTE_MMIO_ALLOWED_MASK", 0x800FFFFFFFFFF007L, "1.2 (6.1 value; introduced ~6.0 [R])");
        at(range(K6_10, K6_16), ANY)
                .is("SPTE_MMIO_ALLOWED_MASK", 0x800FFFFFFFFFF007L, "1.2 (6.1-7.1)");
        at(only(K7_2), ANY)
                .is("SPTE_MMIO_ALLOWED_MASK", 0x800FFFFFFFFFF407L, "1.2 (7.2+, adds bit 10)");

        at(only(K5_13), ANY)
                .is("SHADOW_NONPRESENT_VALUE", 0L, "1.2 table (0 until 6.9)")
                .is("REMOVED_SPTE", 0x5a0L, "1.2 table (5.13-6.9)");
        at(from(K6_10), ANY)
                .is("SHADOW_NONPRESENT_VALUE", BIT63, "1.2 (6.10+, CONFIG_X86_64)");
        at(only(K6_10), ANY)
                .is("REMOVED_SPTE", 0x80000000000005a0L, "1.2 (6.10-7.1)");
        at(range(K6_11, K6_16), ANY)
                .is("FROZEN_SPTE", 0x80000000000005a0L, "1.2 (6.10-7.1) + 1.1 (renamed 6.11 [M])");
        at(only(K7_2), ANY)
                .is("FROZEN_SPTE", 0x80000000000001a0L, "1.2 (7.2+)");
    }

    /** Facts 1.3: where the MMIO generation lives. */
    private static void mmioGeneration() {
        at(all(), ANY)
                .is("MMIO_SPTE_GEN_LOW_START", 3L, "1.3")
                .is("MMIO_SPTE_GEN_HIGH_START", 52L, "1.3")
                .is("MMIO_SPTE_GEN_HIGH_END", 62L, "1.3")
                .is("MMIO_SPTE_GEN_HIGH_BITS", 11L, "1.3")
                .is("MMIO_SPTE_GEN_HIGH_MASK", 0x7FF0000000000000L, "1.3")
                .is("MMIO_SPTE_GEN_LOW_SHIFT", 3L, "1.3");
        at(upTo(K6_16), ANY)
                .is("MMIO_SPTE_GEN_LOW_END", 10L, "1.3 (5.13-7.1)")
                .is("MMIO_SPTE_GEN_LOW_BITS", 8L, "1.3 (5.13-7.1)")
                .is("MMIO_SPTE_GEN_LOW_MASK", 0x7F8L, "1.3 (5.13-7.1)")
                .is("MMIO_SPTE_GEN_HIGH_SHIFT", 44L, "1.3 (5.13-7.1)")
                .is("MMIO_SPTE_GEN_MASK", 0x7FFFFL, "1.3 (5.13-7.1)");
        at(only(K7_2), ANY)
                .is("MMIO_SPTE_GEN_LOW_END", 9L, "1.3 (7.2+)")
                .is("MMIO_SPTE_GEN_LOW_BITS", 7L, "1.3 (7.2+)")
                .is("MMIO_SPTE_GEN_LOW_MASK", 0x3F8L, "1.3 (7.2+)")
                .is("MMIO_SPTE_GEN_HIGH_SHIFT", 45L, "1.3 (7.2+)")
                .is("MMIO_SPTE_GEN_MASK", 0x3FFFFL, "1.3 (7.2+)");
    }

    /** Facts 2.2 (notes): KVM's ACC_* access bits. */
    private static void accessBits() {
        at(all(), ANY)
                .is("ACC_WRITE_MASK", 2L, "2.2 notes")
                .is("ACC_USER_MASK", 4L, "2.2 notes");
        at(upTo(K6_16), ANY)
                .is("ACC_EXEC_MASK", 1L, "2.2 notes (<=7.1)")
                .is("ACC_ALL", 7L, "2.2 notes (<=7.1)");
        at(only(K7_2), ANY)
                .is("ACC_READ_MASK", 1L, "2.2 notes (7.2+)")
                .is("ACC_USER_EXEC_MASK", 4L, "2.2 notes (7.2+, = ACC_USER)")
                .is("ACC_EXEC_MASK", 8L, "2.2 notes (7.2+)")
                .is("ACC_ALL", 0xFL, "2.2 notes (7.2+)");
    }

    /** Facts 3.1 and 3.2: the hardware bits KVM names. */
    private static void hardwareBits() {
        at(all(), ANY)
                .is("PT_PRESENT_MASK", 0x1L, "3.2")
                .is("PT_WRITABLE_MASK", 0x2L, "3.2")
                .is("PT_USER_MASK", 0x4L, "3.2")
                .is("PT_ACCESSED_MASK", 0x20L, "3.2")
                .is("PT_DIRTY_MASK", 0x40L, "3.2")
                .is("PT_PAGE_SIZE_MASK", 0x80L, "3.2")
                .is("PT64_NX_MASK", BIT63, "3.2")
                .is("VMX_EPT_READABLE_MASK", 0x1L, "3.1")
                .is("VMX_EPT_WRITABLE_MASK", 0x2L, "3.1")
                .is("VMX_EPT_EXECUTABLE_MASK", 0x4L, "3.1")
                .is("VMX_EPT_MT_EPTE_SHIFT", 3L, "3.1")
                .is("VMX_EPT_MT_MASK", 0x38L, "3.1")
                .is("VMX_EPT_IPAT_BIT", 0x40L, "3.1")
                .is("VMX_EPT_ACCESS_BIT", 0x100L, "3.1")
                .is("VMX_EPT_DIRTY_BIT", 0x200L, "3.1")
                .is("VMX_EPT_SUPPRESS_VE_BIT", BIT63, "3.1")
                .is("VMX_EPT_MISCONFIG_WX_VALUE", 0x6L, "2.2 notes (W+X without R)");
        at(only(K7_2), ANY)
                .is("VMX_EPT_USER_EXECUTABLE_MASK", 0x400L, "3.1 (XU, bit 10)");
    }

    /** Facts 2.1 and 2.3: the default (legacy x86) masks, used by shadow paging and NPT. */
    private static void x86Masks() {
        at(all(), X86)
                .is("shadow_present_mask", 0x1L, "2.1")
                .is("shadow_user_mask", 0x4L, "2.1")
                .is("shadow_accessed_mask", 0x20L, "2.1")
                .is("shadow_dirty_mask", 0x40L, "2.1")
                .is("shadow_nx_mask", BIT63, "2.1")
                .is("shadow_acc_track_mask", 0L, "2.1")
                .is("shadow_host_writable_mask", 0x200L, "2.1")
                .is("shadow_mmu_writable_mask", 0x400L, "2.1")
                .is("shadow_mmio_access_mask", 0x6L, "2.1 (ACC_WRITE|ACC_USER)")
                .is("kvm_ad_enabled", 1L, "2.1");
        at(upTo(K6_16), X86)
                .is("shadow_x_mask", 0L, "2.1 (<=7.1)");
        at(only(K7_2), X86)
                .is("shadow_xs_mask", 0L, "2.1 (7.2+)")
                .is("shadow_xu_mask", 0L, "2.1 (7.2+)");
        at(only(K5_13), X86)
                .is("shadow_memtype_mask", 0L, "2.1 (6.0-6.15; added 6.0 [M])");
        at(range(K6_10, K6_13), X86)
                .is("shadow_memtype_mask", 0L, "2.1 (6.0-6.15)");
        // Memory encryption (2.3): only the SME host sets the C-bit, as both value and mask (5.19 split [M]).
        at(all(), profiles("npt", "shadow"))
                .is("shadow_me_value", 0L, "2.1/2.3/2.4 (no SME, no KeyID bits)")
                .is("shadow_me_mask", 0L, "2.1/2.3/2.4 (no SME, no KeyID bits)");
        at(all(), profiles("npt-sme"))
                .is("shadow_me_value", 0x0000800000000000L, "2.3 (C-bit 47)")
                .is("shadow_me_mask", 0x0000800000000000L, "2.3 (C-bit 47)");
        // L1TF (2.6): only the shadow profile's host (x86_cache_bits 46) is affected.
        at(all(), profiles("npt"))
                .is("shadow_nonpresent_or_rsvd_mask", 0L, "2.6 (not affected)")
                .is("shadow_nonpresent_or_rsvd_lower_gfn_mask", 0x00003FFFFFFFF000L,
                        "2.6 (GENMASK(x86_phys_bits 46 - 1, 12)), derived");
        at(all(), profiles("npt-sme"))
                .is("shadow_nonpresent_or_rsvd_mask", 0L, "2.6 (not affected)")
                .is("shadow_nonpresent_or_rsvd_lower_gfn_mask", 0x000007FFFFFFF000L,
                        "2.6 (GENMASK(x86_phys_bits 43 - 1, 12)), derived");
        at(all(), profiles("shadow"))
                .is("shadow_nonpresent_or_rsvd_mask", 0x00003E0000000000L, "2.6 example (cache bits 46)")
                .is("shadow_nonpresent_or_rsvd_lower_gfn_mask", 0x000001FFFFFFF000L, "2.6 example (cache bits 46)");
    }

    /** Facts 2.2 and 2.5: the EPT masks (kvm_mmu_set_ept_masks), also used by TDX. */
    private static void eptMasks() {
        at(all(), EPT)
                .is("shadow_nx_mask", 0L, "2.2")
                .is("shadow_mmio_access_mask", 0L, "2.2")
                .is("shadow_me_value", 0L, "2.4 (no KeyID bits)")
                .is("shadow_me_mask", 0L, "2.4 (x86_phys_bits == MAXPHYADDR)")
                .is("shadow_nonpresent_or_rsvd_mask", 0L, "2.6 (not affected)")
                .is("shadow_nonpresent_or_rsvd_lower_gfn_mask", 0x00003FFFFFFFF000L,
                        "2.6 (GENMASK(46 - 1, 12)), derived");
        at(upTo(K6_16), EPT)
                .is("shadow_user_mask", 0x1L, "2.2 (<=7.1)")
                .is("shadow_x_mask", 0x4L, "2.2 (<=7.1)")
                .is("shadow_acc_track_mask", 0x7L, "2.2 (<=7.1)")
                .is("shadow_host_writable_mask", 0x0200000000000000L, "2.2 (bit 57, 5.13-7.1)")
                .is("shadow_mmu_writable_mask", 0x0400000000000000L, "2.2 (bit 58, 5.13-7.1)");
        at(only(K7_2), EPT)
                .is("shadow_user_mask", 0L, "2.2 (7.2+)")
                .is("shadow_xs_mask", 0x4L, "2.2 (7.2+)")
                .is("shadow_xu_mask", 0x400L, "2.2 (7.2+, regardless of MBEC)")
                .is("shadow_present_mask", BIT63, "2.2 (7.2+, SVE only)")
                .is("shadow_acc_track_mask", 0x407L, "2.2 (7.2+)")
                .is("shadow_host_writable_mask", 0x0020000000000000L, "2.2 (bit 53, 7.2+)")
                .is("shadow_mmu_writable_mask", 0x0080000000000000L, "2.2 (bit 55, 7.2+)");
        // Present mask before 7.2: 0 with execute-only support, else R; bit 63 (SVE) from 6.10.
        at(only(K5_13), EPT_EXEC_ONLY).is("shadow_present_mask", 0L, "2.2 (5.13-6.9, exec-only)");
        at(only(K5_13), profiles("ept-noexec-only")).is("shadow_present_mask", 0x1L, "2.2 (5.13-6.9, no exec-only)");
        at(range(K6_10, K6_16), EPT_EXEC_ONLY).is("shadow_present_mask", BIT63, "2.2 (6.10-7.1, exec-only)");
        at(range(K6_10, K6_16), profiles("ept-noexec-only"))
                .is("shadow_present_mask", 0x8000000000000001L, "2.2 (6.10-7.1, no exec-only)");
        // A/D: until 6.12 the masks are 0 without EPT A/D; from 6.13 always bits 8/9 [M].
        at(upTo(K6_11), EPT_AD)
                .is("shadow_accessed_mask", 0x100L, "2.2 (<=6.12, AD)")
                .is("shadow_dirty_mask", 0x200L, "2.2 (<=6.12, AD)");
        at(upTo(K6_11), profiles("ept-noad"))
                .is("shadow_accessed_mask", 0L, "2.2 (<=6.12, no AD)")
                .is("shadow_dirty_mask", 0L, "2.2 (<=6.12, no AD)");
        at(from(K6_13), EPT)
                .is("shadow_accessed_mask", 0x100L, "2.2 (6.13+ always) [M]")
                .is("shadow_dirty_mask", 0x200L, "2.2 (6.13+ always) [M]");
        at(all(), EPT_AD).is("kvm_ad_enabled", 1L, "2.2 (= eptad; TDX requires it, 2.5)");
        at(all(), profiles("ept-noad")).is("kvm_ad_enabled", 0L, "2.2 (= eptad)");
        at(only(K5_13), EPT).is("shadow_memtype_mask", 0x78L, "2.2 (6.0+ [M])");
        at(range(K6_10, K6_13), EPT).is("shadow_memtype_mask", 0x78L, "2.2 (6.0-6.15)");
    }

    /** Facts 2.1-2.3 and 1.4 (runtime checks): the global MMIO value and mask. */
    private static void mmioMasks() {
        at(all(), ANY).is("enable_mmio_caching", 1L, "1.4 runtime checks (value != 0)");
        at(all(), EPT).is("shadow_mmio_value", 0x6L, "2.2 (W|X, the misconfig)");
        at(only(K5_13), EPT).is("shadow_mmio_mask", 0x7L, "2.2 (5.13-6.9, RWX)");
        at(from(K6_10), EPT).is("shadow_mmio_mask", 0x8000000000000007L, "2.2 (6.10+, RWX|SVE)");
        at(all(), profiles("npt", "shadow"))
                .is("shadow_mmio_value", 0x0008000000000001L, "2.1 (bit 51|P, MAXPHYADDR 46 < 52)")
                .is("shadow_mmio_mask", 0x0008000000000001L, "2.1 (= value)");
        at(all(), profiles("npt-sme"))
                .is("shadow_mmio_value", 0x000FF80000000001L, "2.3 (bits 43..51|P, x86_phys_bits 43), derived")
                .is("shadow_mmio_mask", 0x000FF80000000001L, "2.3 (= value), derived");
    }

    /** Facts 1.1 (6.10, 6.14/6.16), 1.5, 2.5: the per-VM MMIO value and the TDX shared bit. */
    private static void perVmValues() {
        at(from(K6_10), profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve"))
                .is("vm_shadow_mmio_value", 0x6L, "2 intro (copied from the global value, 6.10+)");
        at(from(K6_10), profiles("npt", "shadow"))
                .is("vm_shadow_mmio_value", 0x0008000000000001L, "2 intro (copied from the global value, 6.10+)");
        at(from(K6_10), profiles("npt-sme"))
                .is("vm_shadow_mmio_value", 0x000FF80000000001L, "2 intro + 2.3, derived");
        at(from(K6_16), profiles("tdx"))
                .is("vm_shadow_mmio_value", 0L, "1.5 / 2.5 (TD MMIO value 0) [M]")
                .is("gfn_direct_bits", 0x0000000800000000L, "1.5 (shared bit 47 -> GFN bit 35)");
        at(from(K6_16), profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve", "npt", "npt-sme", "shadow"))
                .is("gfn_direct_bits", 0L, "1.5 (only TDs have a shared bit; 6.14 [R]+[M])");
    }

    static Stream<FactTable.Row<Long>> constants() {
        return FACTS.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void constantHasTheKernelValue(FactTable.Row<Long> row) {
        Interpreter in = row.interpreter();
        assertTrue(in.layout().constants().containsKey(row.name()), row + ": the spec has no constant " + row.name());
        assertHex(row.expected(), in.constant(row.name()), row.toString());
    }

    /** The values the issue singles out, spelled out once more. */
    @ParameterizedTest(name = "{0}/{1} {2} = {3}")
    @CsvSource({
        "kvm-6.10, ept, SHADOW_NONPRESENT_VALUE,   0x8000000000000000",
        "kvm-6.10, ept, REMOVED_SPTE,              0x80000000000005a0",
        "kvm-6.10, ept, shadow_mmio_mask,          0x8000000000000007",
        "kvm-6.10, ept, shadow_mmio_value,         0x0000000000000006",
        "kvm-7.2,  ept, FROZEN_SPTE,               0x80000000000001a0",
        "kvm-7.2,  ept, EPT_SPTE_HOST_WRITABLE,    0x0020000000000000",
        "kvm-7.2,  ept, EPT_SPTE_MMU_WRITABLE,     0x0080000000000000",
        "kvm-7.2,  ept, shadow_host_writable_mask, 0x0020000000000000",
        "kvm-7.2,  ept, shadow_mmu_writable_mask,  0x0080000000000000",
        "kvm-7.2,  ept, SPTE_TDP_AD_MASK,          0x3000000000000000",
        "kvm-7.2,  ept, MMIO_SPTE_GEN_LOW_MASK,    0x00000000000003f8",
        "kvm-7.2,  ept, MMIO_SPTE_GEN_HIGH_MASK,   0x7ff0000000000000",
    })
    void issueExamples(String spec, String profile, String name, String hex) {
        Interpreter in = new Interpreter(KvmSpecs.byName(spec).orElseThrow(), profile);
        assertHex(Long.parseUnsignedLong(hex.substring(2), 16), in.constant(name), spec + "/" + profile + " " + name);
    }

    /** Every era offers the profiles the facts need: ept-ve from 6.10, tdx from 6.16 (1.1). */
    @Test
    void erasAndProfiles() {
        List<String> specs = new ArrayList<>();
        for (Era era : Era.values()) {
            specs.add(era.specName());
            assertEquals(Set.copyOf(era.profiles()), era.spec().profiles().keySet(), era.specName() + " profiles");
        }
        assertEquals(specs, KvmSpecs.names(), "bundled eras, oldest first");
    }

    /** Renames and removals (1.1): which names exist in which era, in every profile. */
    @ParameterizedTest(name = "{0} exists in {1}..{2} [facts {3}]")
    @CsvSource({
        "REMOVED_SPTE,              K5_13, K6_10, 1.1 (renamed FROZEN_SPTE in 6.11)",
        "FROZEN_SPTE,               K6_11, K7_2,  1.1 (6.11)",
        "is_removed_spte,           K5_13, K6_10, 1.1 / 4 (renamed is_frozen_spte in 6.11)",
        "is_frozen_spte,            K6_11, K7_2,  1.1 / 4 (6.11)",
        "shadow_memtype_mask,       K5_13, K6_13, 1.1 (6.0, removed 6.16)",
        "shadow_x_mask,             K5_13, K6_16, 1.1 (replaced in 7.2)",
        "shadow_xs_mask,            K7_2,  K7_2,  1.1 (7.2)",
        "shadow_xu_mask,            K7_2,  K7_2,  1.1 (7.2)",
        "ACC_READ_MASK,             K7_2,  K7_2,  1.1 (7.2)",
        "vm_shadow_mmio_value,      K6_10, K7_2,  1.1 (per-VM value, 6.10)",
        "is_ept_ve_possible,        K6_10, K7_2,  1.1 (6.10)",
        "gfn_direct_bits,           K6_16, K7_2,  1.1 (6.14 [R]+[M]; TDX 6.16)",
        "spte_shadow_accessed_mask, K5_13, K6_11, 4 (removed after 6.12)",
        "spte_shadow_dirty_mask,    K5_13, K6_11, 4 (removed after 6.12)",
        "is_dirty_spte,             K5_13, K6_11, 4 (removed after 6.12)",
    })
    void nameExistsExactlyInItsEras(String name, Era first, Era last, String source) {
        for (Era era : Era.values()) {
            boolean expected = era.atLeast(first) && last.atLeast(era);
            for (String profile : era.profiles()) {
                Layout layout = era.spec().layout(era.spec().profile(profile));
                assertEquals(expected, layout.element(name).isPresent(),
                        era.specName() + "/" + profile + ": " + name + (expected ? " missing" : " should be gone"));
            }
        }
    }

    @Test
    void tableIsComplete() {
        Set<String> perProfile = new HashSet<>();
        FACTS.rows().forEach(r -> perProfile.add(r.era() + "/" + r.profile()));
        int pairs = Era.all().stream().mapToInt(e -> e.profiles().size()).sum();
        assertEquals(pairs, perProfile.size(), "every era/profile pair has golden rows");
    }

    static void assertHex(long expected, long actual, String what) {
        assertEquals(hex(expected), hex(actual), what + ": spec value vs facts value");
    }

    static String hex(long v) {
        return String.format("0x%016X", v);
    }
}
