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
import static dev.sptegen.kvm.KernelValuesTest.assertHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.EnumType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Worked SPTE values computed through the spec's own makers (make_nonleaf_spte, make_spte,
 * make_mmio_spte, generation_mmio_spte_mask), decoders, predicates and hardware functions
 * (ept_bad_mt_xwr, hw_rsvd_bits, hw_access): facts 2.8 (worked SPTEs), 2.7 and 2.6 (MMIO SPTEs, L1TF),
 * 1.3 (generation split), 2.1-2.5 (hosts no bundled profile describes), 4 (make_spte and helper rules),
 * 3.1/3.2 (bad_mt_xwr, reserved bits) and 6.2 (kvm-unit-tests EPT access matrix). Expected values are
 * the facts file's numbers, or, where marked "derived", composed by hand from the masks and rules the
 * cited sections give.
 *
 * <p>A page at PA 0x123456000 (PFN 0x123456) is used throughout ("PA" below); MMIO examples use the
 * same GFN unless an L1TF relocation is shown.
 */
class WorkedExamplesTest {
    private static final long PFN = 0x123456L;
    private static final long PA = PFN << 12;
    /** A 2M-aligned page for huge leaves. */
    private static final long PFN_2M = 0x123400L;
    private static final long PA_2M = PFN_2M << 12;

    /** MMIO generations with every bit pattern visible in both halves. */
    private static final long GEN_19 = 0x5A5A5L;
    private static final long GEN_18 = 0x2A5A5L;
    /** GEN_19 spread over 3-10 / 52-62 (facts 1.3, 5.13-7.1): low 8 bits 0xA5 << 3, the rest 0x5A5 << 52. */
    private static final long GEN_19_BITS = 0x5A50000000000528L;
    /** GEN_18 spread over 3-9 / 52-62 (facts 1.3, 7.2+): low 7 bits 0x25 << 3, the rest 0x54B << 52. */
    private static final long GEN_18_BITS = 0x54B0000000000128L;

    /** A GFN whose GPA has bits 41..45 set to 10101b: the L1TF mask of a 46-cache-bit host (facts 2.6). */
    private static final long L1TF_GFN = 0x2A0000123L;
    private static final long L1TF_GPA = L1TF_GFN << 12;
    /** shadow_nonpresent_or_rsvd_mask for x86_cache_bits 46 (facts 2.6). */
    private static final long L1TF_MASK_46 = 0x00003E0000000000L;
    /** The GPA bits under the L1TF mask, copied 5 bits higher (facts 2.6 / 2.7). */
    private static final long L1TF_RELOCATED = (L1TF_GPA & L1TF_MASK_46) << 5;

    /** make_spte flags a caller may leave out: they default to false. */
    private static final Set<String> FALSE_BY_DEFAULT =
            Set.of("prefetch", "synchronizing", "wrprot", "ad_disabled", "wrprot_only", "host_mmio");

    /** How to compute a value for one era and profile. */
    interface Probe {
        long of(Era era, String profile);
    }

    /** A computed value and the value the facts give for it. */
    record Example(Probe probe, long expected) {
    }

    /**
     * An SPTE used as a 4K leaf, the access, and the hardware outcome the facts give, on the profile with
     * {@code changes} to its parameters (usually none).
     */
    record Access(Probe spte, String access, String outcome, Map<String, Long> changes) {
    }

    /** The SPTE values the predicate and hardware examples use. */
    private static final Probe NON_PRESENT = with(in -> in.constant("SHADOW_NONPRESENT_VALUE"));
    private static final Probe FROZEN = (era, profile) -> era.interpreter(profile)
            .constant(era.atLeast(K6_11) ? "FROZEN_SPTE" : "REMOVED_SPTE");
    private static final Probe MMIO_SPTE = with(in -> mmio(in, PFN, gen(in)));

    private static final FactTable<Example> VALUES = new FactTable<>();
    private static final FactTable<Access> OUTCOMES = new FactTable<>();

    static {
        nonLeafSptes();
        leafSptes();
        leafVariants();
        accessTracking();
        mmioSptes();
        mmioGeneration();
        l1tf();
        otherHosts();
        predicates();
        badMtXwr();
        reservedBits();
        hardwareOutcomes();
    }

    private static void value(Set<Era> eras, Set<String> profiles, String what, Probe probe, long expected, String source) {
        VALUES.where(eras, profiles).is(what, new Example(probe, expected), source);
    }

    private static void outcome(Set<Era> eras, Set<String> profiles, String what, Probe spte, String access,
                                String outcome, String source) {
        outcome(eras, profiles, Map.of(), what, spte, access, outcome, source);
    }

    private static void outcome(Set<Era> eras, Set<String> profiles, Map<String, Long> changes, String what,
                                Probe spte, String access, String outcome, String source) {
        String name = what + " " + access + (changes.isEmpty() ? "" : " with " + changes);
        OUTCOMES.where(eras, profiles).is(name, new Access(spte, access, outcome, changes), source);
    }

    // ----- facts 2.8: non-leaf SPTEs -----

    private static void nonLeafSptes() {
        Probe adOn = with(in -> nonLeaf(in, false));
        Probe adOff = with(in -> nonLeaf(in, true));
        value(only(K5_13), EPT_AD, "non-leaf, A/D on", adOn, PA | 0x907L,
                "2.8 composition with the 5.13-6.9 masks of 2.2 (no SVE), derived");
        value(range(K6_10, K6_11), EPT_AD, "non-leaf, A/D on", adOn, PA | 0x8000000000000907L, "2.8 (6.12 EPT)");
        value(range(K6_13, K6_16), EPT_AD, "non-leaf, A/D on", adOn, PA | 0x8000000000000907L,
                "2.8 (6.12 EPT) with the unchanged 6.13-7.1 masks of 2.2, derived");
        value(only(K7_2), EPT_AD, "non-leaf, A/D on", adOn, PA | 0x8000000000000D07L, "2.8 (7.2 EPT)");

        Set<String> adDisabledMmu = profiles("ept", "ept-noad");
        value(only(K5_13), adDisabledMmu, "non-leaf, A/D-disabled MMU", adOff, PA | 0x0010000000000807L,
                "2.8 (A/D-disabled) with the 5.13-6.9 masks (no SVE), derived");
        value(range(K6_10, K6_11), adDisabledMmu, "non-leaf, A/D-disabled MMU", adOff, PA | 0x8010000000000807L,
                "2.8 (6.12 A/D-disabled MMU)");
        value(range(K6_13, K6_16), adDisabledMmu, "non-leaf, A/D-disabled MMU", adOff, PA | 0x8010000000000807L,
                "2.8 (6.12 A/D-disabled MMU), 6.13-7.1 masks unchanged, derived");
        value(only(K7_2), adDisabledMmu, "non-leaf, A/D-disabled MMU", adOff, PA | 0x9000000000000C07L,
                "2.8 (7.2) with A/D type DISABLED at bit 60 instead of A, derived");

        value(all(), profiles("npt", "shadow"), "non-leaf", adOn, PA | 0x827L, "2.8 (NPT/shadow, any 5.13+)");
        value(all(), profiles("npt-sme"), "non-leaf", adOn, PA | 0x0000800000000827L,
                "2.8 (NPT | C-bit 47 with SME)");
    }

    // ----- facts 2.8 and 4: leaf SPTEs (4K, faulted, host-writable, writable) -----

    private static void leafSptes() {
        Probe rwx = leaf(Map.of());
        Probe rwxGuestPat = variant(Map.of("ignore_guest_pat", 0L), in -> leaf(in, Map.of()));
        Set<String> eptVm = profiles("ept", "ept-noexec-only", "ept-ve");
        value(only(K5_13), eptVm, "4K leaf RWX writable", rwx, PA | 0x0600000000000B77L,
                "2.8 (6.12 leaf) without SVE (5.13-6.9 masks of 2.2), derived");
        value(range(K6_10, K6_11), eptVm, "4K leaf RWX writable", rwx, PA | 0x8600000000000B77L,
                "2.8 (6.12 EPT leaf, WB+IPAT)");
        value(range(K6_13, K6_16), eptVm, "4K leaf RWX writable", rwx, PA | 0x8600000000000B77L,
                "2.8 (6.12 EPT leaf), 6.13-7.1 masks unchanged, derived");
        value(only(K7_2), eptVm, "4K leaf RWX writable", rwx, PA | 0x80A0000000000F77L, "2.8 (7.2 EPT leaf)");
        value(range(K6_10, K6_16), profiles("ept"), "4K leaf RWX writable, guest PAT honoured", rwxGuestPat,
                PA | 0x8600000000000B37L, "2.8 (6.12, honouring guest PAT: WB 0x30)");
        value(only(K7_2), profiles("ept"), "4K leaf RWX writable, guest PAT honoured", rwxGuestPat,
                PA | 0x80A0000000000F37L, "2.8 (7.2 leaf) with memtype 0x30, derived");
        value(only(K6_16), profiles("tdx"), "4K leaf RWX writable", rwx, PA | 0x8600000000000B37L,
                "2.8 with TDs honouring guest PAT (1.5: WB, no IPAT), derived");
        value(only(K7_2), profiles("tdx"), "4K leaf RWX writable", rwx, PA | 0x80A0000000000F37L,
                "2.8 (7.2) with TDs honouring guest PAT (1.5), derived");

        // A/D-disabled leaf: Accessed only with A/D (<=6.12) or always when faulted (6.13+); Dirty likewise.
        Probe adOff = leaf(Map.of("ad_disabled", 1L));
        value(only(K5_13), profiles("ept-noad"), "4K leaf RWX writable, A/D disabled", adOff,
                PA | 0x0610000000000877L, "4 (make_spte: no A/D without A/D) with 5.13-6.9 masks, derived");
        value(range(K6_10, K6_11), profiles("ept-noad"), "4K leaf RWX writable, A/D disabled", adOff,
                PA | 0x8610000000000877L, "4 (make_spte <=6.12: A and D only with A/D), derived");
        value(range(K6_13, K6_16), profiles("ept-noad"), "4K leaf RWX writable, A/D disabled", adOff,
                PA | 0x8610000000000B77L, "1.1 (6.13: writable always Dirty) + 4 (A unless prefetch), derived [M]");
        value(only(K7_2), profiles("ept-noad"), "4K leaf RWX writable, A/D disabled", adOff,
                PA | 0x90A0000000000F77L, "2.8 (7.2 leaf) with A/D type DISABLED at bit 60, derived [M]");

        // NPT / shadow leaf: P, W, U, A, D, host/MMU-writable 9/10, no NX (executable).
        value(all(), profiles("npt", "shadow"), "4K leaf RWX writable", rwx, PA | 0xE67L,
                "4 (make_spte) with the 2.1 masks, derived");
        value(all(), profiles("npt-sme"), "4K leaf RWX writable", rwx, PA | 0x0000800000000E67L,
                "4 (make_spte) with the 2.1 masks | C-bit 47 (2.3), derived");
    }

    // ----- facts 2.2 notes and 4: other make_spte inputs (derived from the masks and make_spte's rules) -----

    private static void leafVariants() {
        Set<String> ept = profiles("ept");
        Set<String> x86 = profiles("npt", "shadow");
        String rules = "4 (make_spte) with the 2.1/2.2 masks, derived";
        // Nested guest under PML: A/D type WRPROT_ONLY, otherwise an A/D leaf.
        leafRows(ept, "4K leaf, PML nested (WRPROT_ONLY)", leaf(Map.of("wrprot_only", 1L)),
                0x0620000000000B77L, 0x8620000000000B77L, 0xA0A0000000000F77L, rules);
        // Write-protected for a shadowed guest page table: (host, MMU, W) = (1, 0, 0); no Dirty.
        leafRows(ept, "4K leaf, write-protected (shadowed PT)", leaf(Map.of("wrprot", 1L)),
                0x0200000000000975L, 0x8200000000000975L, 0x8020000000000D75L, rules);
        value(all(), x86, "4K leaf, write-protected (shadowed PT)", leaf(Map.of("wrprot", 1L)), PA | 0xA25L, rules);
        // Read-only memslot / VMA: (0, 0, 0).
        leafRows(ept, "4K leaf, not host-writable", leaf(Map.of("host_writable", 0L)),
                0x0000000000000975L, 0x8000000000000975L, 0x8000000000000D75L, rules);
        value(all(), x86, "4K leaf, not host-writable", leaf(Map.of("host_writable", 0L)), PA | 0x825L, rules);
        // Host MMIO: memtype UC (2.2) and no memory-encryption bit (2.3).
        leafRows(ept, "4K leaf, host MMIO (UC)", leaf(Map.of("host_mmio", 1L)),
                0x0600000000000B07L, 0x8600000000000B07L, 0x80A0000000000F07L, "2.2 (host MMIO -> UC) + 4, derived");
        value(all(), profiles("npt-sme"), "4K leaf, host MMIO (no C-bit)", leaf(Map.of("host_mmio", 1L)), PA | 0xE67L,
                "2.3 (me_value only for non-MMIO pfns) + 4, derived");
        // Execute-only guest mapping: R only from shadow_user_mask (ACC_USER) or the present mask (2.2 notes).
        Probe execOnly = with(in -> leaf(in, Map.of("pte_access", in.constant("ACC_EXEC_MASK"))));
        leafRows(ept, "4K leaf, execute-only access", execOnly,
                0x0200000000000974L, 0x8200000000000974L, 0x8020000000000974L, "2.2 notes (R from ACC_USER), derived");
        value(only(K5_13), profiles("ept-noexec-only"), "4K leaf, execute-only access", execOnly,
                PA | 0x0200000000000975L, "2.2 notes (R forced by shadow_present_mask), derived");
        value(range(K6_10, K6_16), profiles("ept-noexec-only"), "4K leaf, execute-only access", execOnly,
                PA | 0x8200000000000975L, "2.2 notes (R forced by shadow_present_mask), derived");
        // NX huge page mitigation: a 2M leaf loses execute (X, or XS and XU; NX on x86).
        Probe huge = variant(Map.of("nx_huge_pages", 1L), in -> leaf(in, Map.of("pfn", PFN_2M, "level", 2L)));
        String nx = "4 (NX huge pages strip exec for level > 4K), derived";
        value(only(K5_13), ept, "2M leaf, NX huge pages", huge, PA_2M | 0x0600000000000BF3L, nx);
        value(range(K6_10, K6_16), ept, "2M leaf, NX huge pages", huge, PA_2M | 0x8600000000000BF3L, nx);
        value(only(K7_2), ept, "2M leaf, NX huge pages", huge, PA_2M | 0x80A0000000000BF3L, nx);
        value(all(), x86, "2M leaf, NX huge pages", huge, PA_2M | 0x8000000000000EE7L, nx);
        value(all(), profiles("npt-sme"), "2M leaf, NX huge pages", huge, PA_2M | 0x8000800000000EE7L, nx);
    }

    /** An EPT leaf whose bits are {@code early} in 5.13-6.9, {@code mid} in 6.10-7.1 (SVE) and {@code mbec} in 7.2. */
    private static void leafRows(Set<String> profiles, String what, Probe probe, long early, long mid, long mbec,
                                 String source) {
        value(only(K5_13), profiles, what, probe, PA | early, source);
        value(range(K6_10, K6_16), profiles, what, probe, PA | mid, source);
        value(only(K7_2), profiles, what, probe, PA | mbec, source);
    }

    // ----- facts 4: mark_spte_for_access_track on a prefetched A/D-disabled EPT leaf -----

    private static void accessTracking() {
        Probe prefetched = leaf(Map.of("prefetch", 1L, "ad_disabled", 1L));
        String what = "prefetched 4K leaf, A/D disabled (access-tracked)";
        // R and X saved at 54/56 (<=7.1) or R, X, XU at 52/54/62 (7.2); R/W/X(/XU) cleared; MMU-writable kept.
        value(only(K5_13), profiles("ept-noad"), what, prefetched, PA | 0x0750000000000870L,
                "4 (make_spte + mark_spte_for_access_track) with 1.2 saved bits, derived");
        value(range(K6_10, K6_11), profiles("ept-noad"), what, prefetched, PA | 0x8750000000000870L,
                "4 (make_spte + mark_spte_for_access_track) with 1.2 saved bits, derived");
        value(range(K6_13, K6_16), profiles("ept-noad"), what, prefetched, PA | 0x8750000000000A70L,
                "4 + 1.1 (6.13: writable SPTEs always Dirty), derived [M]");
        value(only(K7_2), profiles("ept-noad"), what, prefetched, PA | 0xD0F0000000000A70L,
                "4 + 1.2 (7.2 saved bits 52/54/62, A/D type 60, writable 53/55), derived");
        // 6.13+: a prefetch while synchronizing is neither access-tracked nor left without Accessed.
        Probe synced = leaf(Map.of("prefetch", 1L, "synchronizing", 1L, "ad_disabled", 1L));
        String syncWhat = "prefetched 4K leaf while synchronizing, A/D disabled";
        value(range(K6_13, K6_16), profiles("ept-noad"), syncWhat, synced, PA | 0x8610000000000B77L,
                "4 (6.13+: A if !prefetch or synchronizing; tracked only if prefetch and not synchronizing), derived [M]");
        value(only(K7_2), profiles("ept-noad"), syncWhat, synced, PA | 0x90A0000000000F77L,
                "4 (6.13+ synchronizing) with the 7.2 layout, derived [M]");
    }

    // ----- facts 2.7, 2.8 and 2.6: MMIO SPTEs and their decoding -----

    private static void mmioSptes() {
        Probe l1tfMmio = with(in -> mmio(in, L1TF_GFN, gen(in)));
        Set<String> eptVm = profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve");
        String what = "MMIO SPTE (access RWX, generation 0x5A5A5 / 0x2A5A5)";
        // EPT: value W|X = 0x6, no access bits (2.2), no L1TF bits on these hosts.
        value(upTo(K6_16), eptVm, what, MMIO_SPTE, GEN_19_BITS | 0x6L | PA, "2.8 (EPT MMIO) + 1.3");
        value(only(K7_2), eptVm, what, MMIO_SPTE, GEN_18_BITS | 0x6L | PA, "2.8 (EPT MMIO) + 1.3 (7.2)");
        // TDX: per-VM MMIO value 0, so only the generation and the GPA.
        value(only(K6_16), profiles("tdx"), what, MMIO_SPTE, GEN_19_BITS | PA, "2.7 + 1.5 (TD MMIO value 0)");
        value(only(K7_2), profiles("tdx"), what, MMIO_SPTE, GEN_18_BITS | PA, "2.7 + 1.5 (TD MMIO value 0)");
        // NPT: bit 51 | P, plus the W/U access bits.
        value(upTo(K6_16), profiles("npt"), what, MMIO_SPTE, 0x0008000000000001L | 0x6L | GEN_19_BITS | PA,
                "2.8 (NPT MMIO) + 1.3");
        value(only(K7_2), profiles("npt"), what, MMIO_SPTE, 0x0008000000000001L | 0x6L | GEN_18_BITS | PA,
                "2.8 (NPT MMIO) + 1.3 (7.2)");
        value(upTo(K6_16), profiles("npt-sme"), what, MMIO_SPTE, 0x000FF80000000001L | 0x6L | GEN_19_BITS | PA,
                "2.7 with the SME MMIO value of 2.3 + 1.3, derived");
        value(only(K7_2), profiles("npt-sme"), what, MMIO_SPTE, 0x000FF80000000001L | 0x6L | GEN_18_BITS | PA,
                "2.7 with the SME MMIO value of 2.3 + 1.3 (7.2), derived");
        // Shadow paging on the L1TF host: the mask bits set, the GPA bits under them copied 5 bits up.
        String l1tfWhat = "MMIO SPTE for GPA 0x2A0000123000 (L1TF relocation)";
        long l1tfBits = L1TF_GPA | L1TF_MASK_46 | L1TF_RELOCATED;
        value(upTo(K6_16), profiles("shadow"), l1tfWhat, l1tfMmio, 0x0008000000000001L | 0x6L | GEN_19_BITS | l1tfBits,
                "2.7 + 2.6 (cache bits 46) + 1.3");
        value(only(K7_2), profiles("shadow"), l1tfWhat, l1tfMmio, 0x0008000000000001L | 0x6L | GEN_18_BITS | l1tfBits,
                "2.7 + 2.6 (cache bits 46) + 1.3 (7.2)");
        predicate(all(), profiles("shadow"), "get_mmio_spte_gfn", "L1TF MMIO", l1tfMmio, L1TF_GFN, "2.6 (decoding)");
        predicate(all(), ANY, "get_mmio_spte_gfn", "MMIO", MMIO_SPTE, PFN, "2.6 (decoding)");
        predicate(upTo(K6_16), ANY, "get_mmio_spte_generation", "MMIO", MMIO_SPTE, GEN_19, "1.3 (decoding)");
        predicate(only(K7_2), ANY, "get_mmio_spte_generation", "MMIO", MMIO_SPTE, GEN_18, "1.3 (decoding)");
    }

    // ----- facts 1.3: the generation split per era -----

    private static void mmioGeneration() {
        long[][] early = {
            {0x1L, 0x8L}, {0x80L, 0x400L}, {0x100L, 0x0010000000000000L}, {0x40000L, 0x4000000000000000L},
            {0x7FFFFL, 0x7FF00000000007F8L}, {GEN_19, GEN_19_BITS},
        };
        long[][] mbec = {
            {0x1L, 0x8L}, {0x40L, 0x200L}, {0x80L, 0x0010000000000000L}, {0x20000L, 0x4000000000000000L},
            {0x3FFFFL, 0x7FF00000000003F8L}, {GEN_18, GEN_18_BITS},
        };
        generationRows(upTo(K6_16), early, "1.3 (5.13-7.1: gen 0-7 -> 3-10, 8-18 -> 52-62)");
        generationRows(only(K7_2), mbec, "1.3 (7.2+: gen 0-6 -> 3-9, 7-17 -> 52-62)");
    }

    /** Rows of {generation, SPTE bits} pairs, encoded and decoded. */
    private static void generationRows(Set<Era> eras, long[][] cases, String source) {
        for (long[] c : cases) {
            long gen = c[0];
            long bits = c[1];
            value(eras, ANY, String.format("generation_mmio_spte_mask(0x%X)", gen),
                    with(in -> in.call("generation_mmio_spte_mask", gen)), bits, source);
            value(eras, ANY, String.format("get_mmio_spte_generation(0x%X)", bits),
                    with(in -> in.call("get_mmio_spte_generation", bits)), gen, source);
        }
    }

    // ----- facts 2.6: the L1TF masks of another host -----

    private static void l1tf() {
        Probe mask39 = variant(Map.of("l1tf_cache_bits", 39L), in -> in.constant("shadow_nonpresent_or_rsvd_mask"));
        Probe lower39 = variant(Map.of("l1tf_cache_bits", 39L),
                in -> in.constant("shadow_nonpresent_or_rsvd_lower_gfn_mask"));
        value(all(), X86, "shadow_nonpresent_or_rsvd_mask, x86_cache_bits 39", mask39, 0x0000007C00000000L,
                "2.6 example");
        value(all(), X86, "shadow_nonpresent_or_rsvd_lower_gfn_mask, x86_cache_bits 39", lower39,
                0x00000003FFFFF000L, "2.6 example");
    }

    // ----- facts 1.4, 1.5, 2.1-2.4, 2.6: hosts and VMs no bundled profile describes -----

    private static void otherHosts() {
        Map<String, Long> noCaching = Map.of("mmio_caching", 0L);
        hostRow(all(), profiles("ept", "npt"), noCaching, "shadow_mmio_value", 0L, "1.4 (mmio_caching=N -> value 0)");
        hostRow(all(), profiles("ept", "npt"), noCaching, "enable_mmio_caching", 0L, "1.4 (false iff value == 0)");
        Map<String, Long> pa52 = Map.of("maxphyaddr", 52L);
        hostRow(all(), profiles("npt", "shadow"), pa52, "shadow_mmio_value", 0L, "2.1 (MAXPHYADDR 52: caching off)");
        hostRow(all(), profiles("npt", "shadow"), pa52, "enable_mmio_caching", 0L, "2.1 / 1.4");
        // The default MMIO value looks at MAXPHYADDR (shadow_phys_bits, CPUID), not the reduced x86_phys_bits.
        Map<String, Long> pa52KeyId = Map.of("maxphyaddr", 52L, "me_phys_bits_reduction", 6L);
        hostRow(all(), profiles("shadow"), pa52KeyId, "shadow_mmio_value", 0L,
                "2.1 (bit 51|P only if MAXPHYADDR < 52; notation: MAXPHYADDR = shadow_phys_bits)");
        // SME with the C-bit right at the reduced PA width: the MMIO mask starts one bit higher.
        hostRow(all(), profiles("npt-sme"), Map.of("sme_c_bit", 43L), "shadow_mmio_value", 0x000FF00000000001L,
                "2.3 (C-bit == x86_phys_bits -> mask_bit + 1), derived");
        // Intel KeyID bits (MKTME/TDX host): vmx_setup_me_spte_mask, for EPT and for shadow paging on Intel.
        Map<String, Long> keyId = Map.of("me_phys_bits_reduction", 6L);
        hostRow(all(), profiles("ept", "shadow"), keyId, "shadow_me_mask", 0x00003F0000000000L,
                "2.4 (bits x86_phys_bits 40 .. MAXPHYADDR-1 45) + 2.1 (shadow paging on Intel gets 2.4)");
        hostRow(all(), profiles("ept", "shadow"), keyId, "shadow_me_value", 0L, "2.4");
        hostRow(all(), profiles("ept", "shadow"), keyId, "SPTE_BASE_ADDR_MASK", 0x000FC0FFFFFFF000L,
                "1.2 (physical_mask excludes KeyID bits), derived");
        hostRow(all(), profiles("ept"), keyId, "shadow_nonpresent_or_rsvd_lower_gfn_mask", 0x000000FFFFFFF000L,
                "2.6 (low_phys_bits = x86_phys_bits 40), derived");
        // A TD with 5-level EPT: shared bit 51.
        hostRow(from(K6_16), profiles("tdx"), Map.of("tdx_shared_bit", 51L), "gfn_direct_bits", 0x0000008000000000L,
                "1.5 (GPA bit 51 -> GFN bit 39)");
    }

    private static void hostRow(Set<Era> eras, Set<String> profiles, Map<String, Long> changes, String constant,
                                long expected, String source) {
        value(eras, profiles, constant + " with " + changes, variant(changes, in -> in.constant(constant)), expected,
                source);
    }

    // ----- facts 2.2, 2.7, 4: what KVM's own predicates say about these SPTEs -----

    private static void predicates() {
        Probe leaf = leaf(Map.of());
        predicate(all(), ANY, "is_mmio_spte", "non-present", NON_PRESENT, 0, "2.7 (non-present never matches)");
        predicate(all(), ANY, "is_mmio_spte", "frozen", FROZEN, 0, "2.7 (FROZEN never matches)");
        predicate(all(), ANY, "is_mmio_spte", "leaf", leaf, 0, "2.7");
        predicate(all(), ANY, "is_mmio_spte", "MMIO", MMIO_SPTE, 1, "2.7");
        predicate(all(), ANY, "is_shadow_present_pte", "non-present", NON_PRESENT, 0, "4 (bit 11)");
        predicate(all(), ANY, "is_shadow_present_pte", "frozen", FROZEN, 0, "4 (bit 11)");
        predicate(all(), ANY, "is_shadow_present_pte", "MMIO", MMIO_SPTE, 0, "2.7 (never bit 11)");
        predicate(all(), ANY, "is_shadow_present_pte", "leaf", leaf, 1, "4 (bit 11)");
        predicate(upTo(K6_10), ANY, "is_removed_spte", "REMOVED_SPTE", FROZEN, 1, "4");
        predicate(from(K6_11), ANY, "is_frozen_spte", "FROZEN_SPTE", FROZEN, 1, "4 (renamed 6.11)");
        predicate(all(), ANY, "spte_to_pfn", "leaf", leaf, PFN, "4 (SPTE_BASE_ADDR_MASK; C-bit excluded, 1.2)");
        predicate(all(), profiles("ept-noad"), "is_access_track_spte", "prefetched leaf",
                leaf(Map.of("prefetch", 1L, "ad_disabled", 1L)), 1, "4");
        // #VE is possible only for an SPTE without SVE that is not the W+X misconfiguration: the TD MMIO SPTE.
        predicate(from(K6_10), profiles("ept-ve"), "is_ept_ve_possible", "MMIO", MMIO_SPTE, 0, "2.2 (W+X excluded)");
        predicate(from(K6_16), profiles("tdx"), "is_ept_ve_possible", "MMIO", MMIO_SPTE, 1, "2.2 + 1.5 (TD MMIO -> #VE)");
        predicate(from(K6_10), profiles("ept-ve", "tdx"), "is_ept_ve_possible", "leaf", leaf, 0, "2.2 (SVE set)");
        predicate(from(K6_10), profiles("ept-ve", "tdx"), "is_ept_ve_possible", "non-present", NON_PRESENT, 0,
                "2.2 / 1.5 (SVE set)");
    }

    private static void predicate(Set<Era> eras, Set<String> profiles, String function, String argument, Probe spte,
                                  long expected, String source) {
        value(eras, profiles, function + "(" + argument + ")",
                (era, profile) -> era.interpreter(profile).call(function, spte.of(era, profile)), expected, source);
    }

    // ----- facts 3.1: bad_mt_xwr -----

    private static void badMtXwr() {
        Probe plain = with(in -> badMtXwr(in, 0));
        value(all(), EPT_EXEC_ONLY, "bad_mt_xwr bitmap", plain, 0xFF444444FFFF4444L, "3.1 (exec-only allowed)");
        value(all(), profiles("ept-noexec-only"), "bad_mt_xwr bitmap", plain, 0xFF545454FFFF5454L,
                "3.1 (no exec-only)");
        Probe xu = with(in -> badMtXwr(in, 0x400L));
        value(only(K7_2), EPT_EXEC_ONLY, "bad_mt_xwr bitmap with XU set", xu, 0xFF444444FFFF4444L,
                "3.1 (7.2+: XU checked as X), derived");
        value(only(K7_2), profiles("ept-noexec-only"), "bad_mt_xwr bitmap with XU set", xu, 0xFF555555FFFF5555L,
                "3.1 (7.2+: XU checked as X), derived");
    }

    // ----- facts 1.5, 2.2, 3.1, 3.2, 6.2: what the hardware does with these SPTEs -----

    private static void hardwareOutcomes() {
        for (String access : List.of("READ", "WRITE", "USER_FETCH")) {
            outcome(all(), profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve"), "MMIO SPTE", MMIO_SPTE, access,
                    "EPT_MISCONFIG", "2.2 notes (W+X without R)");
            outcome(all(), X86, "MMIO SPTE", MMIO_SPTE, access, "RESERVED", "3.2 (P=1 + reserved PA bit)");
            outcome(from(K6_16), profiles("tdx"), "MMIO SPTE", MMIO_SPTE, access, "VE", "1.5 (TD MMIO -> #VE)");
            outcome(all(), EPT, "non-present SPTE", NON_PRESENT, access, "EPT_VIOLATION",
                    "1.5 (SVE set: EPT violation, not #VE)");
            outcome(all(), EPT, "frozen SPTE", FROZEN, access, "EPT_VIOLATION", "1.2 (not present on Intel)");
            outcome(all(), X86, "non-present SPTE", NON_PRESENT, access, "NOT_PRESENT", "3.2");
            outcome(all(), X86, "frozen SPTE", FROZEN, access, "NOT_PRESENT", "1.2 (not present on AMD)");
        }
        eptPermissionMatrix();
        mbecOff();
    }

    /** kvm-unit-tests ept_access_test expectations (facts 6.2) for a 4K leaf, memtype UC, #VE off. */
    private static void eptPermissionMatrix() {
        Set<String> ept = profiles("ept");
        Set<String> noExecOnly = profiles("ept-noexec-only");
        Set<Era> every = all();
        matrix(every, ept, "r--", 0x1L, "READ", "OK", "WRITE", "EPT_VIOLATION", "FETCH", "EPT_VIOLATION");
        matrix(every, ept, "-w-", 0x2L, "READ", "EPT_MISCONFIG", "WRITE", "EPT_MISCONFIG");
        matrix(every, ept, "rw-", 0x3L, "READ", "OK", "WRITE", "OK", "FETCH", "EPT_VIOLATION");
        matrix(every, ept, "--x", 0x4L, "READ", "EPT_VIOLATION", "WRITE", "EPT_VIOLATION", "FETCH", "OK");
        matrix(every, noExecOnly, "--x", 0x4L, "READ", "EPT_MISCONFIG", "FETCH", "EPT_MISCONFIG");
        matrix(every, ept, "-wx", 0x6L, "READ", "EPT_MISCONFIG", "FETCH", "EPT_MISCONFIG");
        matrix(every, ept, "rwx", 0x7L, "READ", "OK", "WRITE", "OK", "FETCH", "OK");
        matrix(every, ept, "rwx memtype 2", 0x17L, "READ", "EPT_MISCONFIG");
        matrix(every, ept, "rwx + bit 46 (>= MAXPHYADDR)", 0x7L | (1L << 46), "READ", "EPT_MISCONFIG");
        matrix(every, ept, "--- + bit 46 (not present)", 1L << 46, "READ", "EPT_VIOLATION");
        matrix(every, ept, "rwx + ignored 8,9,11,52-63", 0x7L | 0xB00L | 0xFFF0000000000000L,
                "READ", "OK", "WRITE", "OK", "FETCH", "OK");
        // User-mode execute: no MBEC before 7.2 (X allows it); 7.2's MBEC makes XU decide.
        matrix(upTo(K6_16), ept, "rwx", 0x7L, "USER_FETCH", "OK");
        matrix(only(K7_2), ept, "rwx", 0x7L, "USER_FETCH", "EPT_VIOLATION");
        matrix(only(K7_2), ept, "XU only", 0x400L,
                "READ", "EPT_VIOLATION", "WRITE", "EPT_VIOLATION", "FETCH", "EPT_VIOLATION", "USER_FETCH", "OK");
        matrix(only(K7_2), noExecOnly, "XU only", 0x400L, "READ", "EPT_MISCONFIG", "USER_FETCH", "EPT_MISCONFIG");
        matrix(only(K7_2), ept, "r + XS+XU", 0x405L, "READ", "OK", "FETCH", "OK", "USER_FETCH", "OK");
        matrix(only(K7_2), ept, "rw + XU", 0x403L, "WRITE", "OK", "FETCH", "EPT_VIOLATION", "USER_FETCH", "OK");
    }

    /** 7.2 with kvm_intel.mbec=0: KVM's masks do not change, and the CPU ignores bit 10 (facts 2.2, 3.1, 6.2). */
    private static void mbecOff() {
        Map<String, Long> noMbec = Map.of("mbec", 0L);
        Set<String> ept = profiles("ept");
        hostRow(only(K7_2), ept, noMbec, "shadow_xu_mask", 0x400L, "2.2 (masks identical without MBEC)");
        hostRow(only(K7_2), ept, noMbec, "shadow_present_mask", 0x8000000000000000L, "2.2 (masks identical without MBEC)");
        hostRow(only(K7_2), ept, noMbec, "shadow_acc_track_mask", 0x407L, "2.2 (masks identical without MBEC)");
        String source = "6.2 (without MBEC: bit 10 ignored, X allows user execute) / 3.1";
        outcome(only(K7_2), ept, noMbec, "EPT rwx", (era, profile) -> 0x7L, "USER_FETCH", "OK", source);
        outcome(only(K7_2), ept, noMbec, "EPT XU only", (era, profile) -> 0x400L, "USER_FETCH", "EPT_VIOLATION", source);
        outcome(only(K7_2), ept, noMbec, "EPT rwx + bit 10", (era, profile) -> 0x407L, "READ", "OK", source);
    }

    /** Reserved bits of a present entry per level (facts 3.1 EPT and 3.2 x86 masks, [V]); MAXPHYADDR 46. */
    private static void reservedBits() {
        Set<String> eptVm = profiles("ept", "ept-noad", "ept-noexec-only", "ept-ve", "tdx");
        long eptHigh = 0x000FC00000000000L;
        rsvd(eptVm, 4, false, eptHigh | 0xF8L, "3.1 (PML4E: high | 7:3)");
        rsvd(eptVm, 3, false, eptHigh | 0x78L, "3.1 (PDPTE non-leaf: high | 6:3)");
        rsvd(eptVm, 3, true, eptHigh | 0x3FFFF000L, "3.1 (1G leaf: high | 29:12)");
        rsvd(eptVm, 2, false, eptHigh | 0x78L, "3.1 (PDE non-leaf: high | 6:3)");
        rsvd(eptVm, 2, true, eptHigh | 0x1FF000L, "3.1 (2M leaf: high | 20:12)");
        rsvd(eptVm, 1, false, eptHigh, "3.1 (PTE: high)");
        // x86: high = bits x86_phys_bits..51 except the C-bit (2.3); bit 8 of PML4Es reserved on AMD only.
        for (String profile : List.of("npt", "npt-sme", "shadow")) {
            long high = profile.equals("npt-sme") ? 0x000F780000000000L : 0x000FC00000000000L;
            Set<String> one = profiles(profile);
            rsvd(one, 4, false, high | (profile.equals("shadow") ? 0x80L : 0x180L), "3.2 (PML4E: high | 7 (| 8 AMD))");
            rsvd(one, 3, false, high, "3.2 (PDPTE non-leaf, 1G pages supported: high)");
            rsvd(one, 3, true, high | 0x3FFFE000L, "3.2 (1G leaf: high | 29:13)");
            rsvd(one, 2, false, high, "3.2 (PDE non-leaf: high)");
            rsvd(one, 2, true, high | 0x1FE000L, "3.2 (2M leaf: high | 20:13)");
            rsvd(one, 1, false, high, "3.2 (PTE: high)");
        }
    }

    private static void rsvd(Set<String> profiles, int level, boolean large, long expected, String source) {
        value(all(), profiles, "reserved bits, level " + level + (large ? " huge" : ""),
                with(in -> in.call("hw_rsvd_bits", level, large ? 1 : 0)), expected, source);
    }

    private static void matrix(Set<Era> eras, Set<String> profiles, String perms, long spte, String... accessOutcome) {
        for (int i = 0; i < accessOutcome.length; i += 2) {
            outcome(eras, profiles, "EPT " + perms, (era, profile) -> spte, accessOutcome[i], accessOutcome[i + 1],
                    "6.2 (ept_access_test) / 3.1");
        }
    }

    static Stream<FactTable.Row<Example>> values() {
        return VALUES.rows();
    }

    static Stream<FactTable.Row<Access>> outcomes() {
        return OUTCOMES.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void workedValue(FactTable.Row<Example> row) {
        assertHex(row.expected().expected(), row.expected().probe().of(row.era(), row.profile()), row.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void hardwareOutcome(FactTable.Row<Access> row) {
        Access a = row.expected();
        Interpreter in = row.era().interpreter(row.profile(), a.changes());
        long spte = a.spte().of(row.era(), row.profile());
        long code = in.call("hw_access", spte, 1, enumCode(in, "access_kind", a.access()));
        assertEquals(a.outcome(), enumType(in, "hw_outcome").nameOf(code),
                row + String.format(" (SPTE 0x%016X): spec outcome vs facts outcome", spte));
    }

    /** make_spte's can_unsync became synchronizing in 6.13 (facts 1.1, 4). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Era.class)
    void makeSpteTakesSynchronizingFrom613(Era era) {
        for (String profile : era.profiles()) {
            boolean has = era.interpreter(profile).layout().function("make_spte").args().stream()
                    .anyMatch(a -> a.name().equals("synchronizing"));
            assertEquals(era.atLeast(K6_13), has, era.specName() + "/" + profile);
        }
    }

    // ----- helpers -----

    private static Probe with(ToLongFunction<Interpreter> f) {
        return (era, profile) -> f.applyAsLong(era.interpreter(profile));
    }

    private static Probe variant(Map<String, Long> changes, ToLongFunction<Interpreter> f) {
        return (era, profile) -> f.applyAsLong(era.interpreter(profile, changes));
    }

    /** The generation the MMIO examples use: 19 bits before 7.2, 18 from 7.2. */
    private static long gen(Interpreter in) {
        return in.constant("MMIO_SPTE_GEN_LOW_BITS") == 7 ? GEN_18 : GEN_19;
    }

    private static long nonLeaf(Interpreter in, boolean adDisabled) {
        return call(in, "make_nonleaf_spte", Map.of("child_pfn", PFN, "ad_disabled", adDisabled ? 1L : 0L));
    }

    /**
     * make_spte for a faulted 4K page with all access (ACC_ALL of the era), host-writable and not
     * write-protected, in a shadow page whose A/D mode is the MMU's (A/D disabled iff the MMU does not
     * use A/D bits), unless {@code changes} says otherwise.
     */
    private static long leaf(Interpreter in, Map<String, Long> changes) {
        Map<String, Long> args = new HashMap<>(Map.of("pfn", PFN, "pte_access", in.constant("ACC_ALL"), "level", 1L,
                "host_writable", 1L, "ad_disabled", in.constant("kvm_ad_enabled") == 0 ? 1L : 0L));
        args.putAll(changes);
        return call(in, "make_spte", args);
    }

    private static Probe leaf(Map<String, Long> changes) {
        return with(in -> leaf(in, changes));
    }

    /** An MMIO SPTE for all access bits (masked by shadow_mmio_access_mask). */
    private static long mmio(Interpreter in, long gfn, long gen) {
        return call(in, "make_mmio_spte", Map.of("gfn", gfn, "access", 0x7L, "gen", gen));
    }

    /** KVM's bad_mt_xwr bitmap: bit i set iff an SPTE with bits 5:0 = i (plus {@code extra}) is bad. */
    private static long badMtXwr(Interpreter in, long extra) {
        long bitmap = 0;
        for (int i = 0; i < 64; i++) {
            if (in.call("ept_bad_mt_xwr", extra | i) != 0) {
                bitmap |= 1L << i;
            }
        }
        return bitmap;
    }

    /**
     * Calls a spec function with arguments by kernel name, in the order the spec declares them. Flags in
     * {@link #FALSE_BY_DEFAULT} may be left out; the inputs must satisfy the function's precondition,
     * since they are inputs the kernel passes.
     */
    private static long call(Interpreter in, String function, Map<String, Long> named) {
        List<Arg> declared = in.layout().function(function).args();
        long[] args = new long[declared.size()];
        for (int i = 0; i < args.length; i++) {
            String name = declared.get(i).name();
            Long v = named.get(name);
            assertTrue(v != null || FALSE_BY_DEFAULT.contains(name), function + ": no value for argument " + name);
            args[i] = v == null ? 0 : v;
        }
        for (String name : named.keySet()) {
            assertTrue(declared.stream().anyMatch(a -> a.name().equals(name)), function + " has no argument " + name);
        }
        assertTrue(in.admits(function, args), function + named + " is outside the spec's precondition");
        return in.call(function, args);
    }

    private static EnumType enumType(Interpreter in, String name) {
        return in.spec().enums().get(name);
    }

    private static long enumCode(Interpreter in, String enumName, String value) {
        return enumType(in, enumName).byName(value).orElseThrow().code();
    }
}
