package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.SpteProfile;
import java.util.SplittableRandom;

/**
 * The benchmark inputs for one profile of kvm-6.11, built with that profile's generated makers in a
 * fixed-seed order: 1 Mi SPTEs mixing present leaves, access-tracked leaves, non-leaves, MMIO,
 * non-present and frozen values; 1 Mi present leaves for the access-tracking round trip; and 1 Mi
 * maker inputs (PFN, MMIO generation, packed flags) for the make workload.
 *
 * <p>Maker inputs stay inside each maker's declared domain (a huge-page PFN is aligned to its level,
 * A/D-disabled and write-protect-only SPTEs only where the profile has access tracking, EPT leaves
 * that are not user-readable are execute-only and not writable).
 */
public final class SpteSet {
    /** Number of values in each array: 1 Mi. */
    public static final int N = 1 << 20;
    /** The seed of every array; the order of the values is part of the benchmark. */
    public static final long SEED = 0x6_11L;

    /** Flags of one make input, packed into an int (see {@link #flags}). */
    public static final int ACC_MASK = 7;
    public static final int LEVEL_SHIFT = 3;
    public static final int PREFETCH = 1 << 5;
    public static final int HOST_WRITABLE = 1 << 6;
    public static final int WRPROT = 1 << 7;
    public static final int AD_DISABLED = 1 << 8;
    public static final int WRPROT_ONLY = 1 << 9;
    public static final int HOST_MMIO = 1 << 10;

    public final String profile;
    /** The mixed SPTEs (classify, extract). */
    public final long[] mixed = new long[N];
    /** Present leaves, A/D-enabled and (EPT) A/D-disabled, some already access-tracked (mark/restore). */
    public final long[] leaves = new long[N];
    /** Maker inputs: a PFN aligned to the level in {@link #flags} (also used as the MMIO GFN). */
    public final long[] pfn = new long[N];
    /** Maker inputs: an MMIO generation. */
    public final long[] gen = new long[N];
    /** Maker inputs: access bits, level - 1, prefetch, host-writable, wrprot, A/D-disabled, wrprot-only, host MMIO. */
    public final int[] flags = new int[N];

    /** How many values of each kind {@link #mixed} holds, in build order. */
    public final int[] kinds = new int[KIND_NAMES.length];
    public static final String[] KIND_NAMES = {"leaf", "access-tracked leaf", "non-leaf", "mmio", "non-present", "frozen"};

    private final boolean accessTracking;

    private SpteSet(String profile) {
        this.profile = profile;
        SpteProfile p = SpteProfile.byName(profile);
        // A/D-disabled SPTEs exist only where the profile has access-tracking bits (EPT); NPT always has A/D.
        accessTracking = p.constant("shadow_acc_track_mask").orElseThrow() != 0;
        long nonPresent = p.constant("SHADOW_NONPRESENT_VALUE").orElseThrow();
        long frozen = p.constant("FROZEN_SPTE").orElseThrow();
        long genMask = p.constant("MMIO_SPTE_GEN_MASK").orElseThrow();

        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < N; i++) {
            int k = r.nextInt(100);
            long v;
            int kind;
            if (k < 50) {
                kind = 0;
                v = leaf(p, flags(r, false), r);
            } else if (k < 60) {
                kind = 1;
                v = p.markSpteForAccessTrack(leaf(p, flags(r, accessTracking), r));
            } else if (k < 75) {
                kind = 2;
                v = p.makeNonleafSpte(pfn(r, 1), accessTracking && r.nextInt(4) == 0);
            } else if (k < 87) {
                kind = 3;
                v = p.makeMmioSpte(pfn(r, 1), r.nextInt(8), r.nextLong() & genMask);
            } else if (k < 98) {
                kind = 4;
                v = nonPresent;
            } else {
                kind = 5;
                v = frozen;
            }
            kinds[kind]++;
            mixed[i] = v;
        }
        for (int i = 0; i < N; i++) {
            leaves[i] = leaf(p, flags(r, false), r);
        }
        for (int i = 0; i < N; i++) {
            int f = flags(r, false);
            flags[i] = f;
            pfn[i] = pfn(r, level(f));
            gen[i] = r.nextLong() & genMask;
        }
    }

    private static final java.util.Map<String, SpteSet> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The inputs of a kvm-6.11 profile (built once per JVM). */
    public static SpteSet of(String profile) {
        return CACHE.computeIfAbsent(profile, SpteSet::new);
    }

    public static int level(int flags) {
        return ((flags >>> LEVEL_SHIFT) & 3) + 1;
    }

    /** A PFN below 2^34 (maxphyaddr 46), aligned to the level's page size. */
    private static long pfn(SplittableRandom r, int level) {
        return (r.nextLong() & ((1L << 34) - 1)) & ~((1L << ((level - 1) * 9)) - 1);
    }

    /** Random maker flags within the makers' domain; {@code adDisabled} forces an A/D-disabled leaf. */
    private int flags(SplittableRandom r, boolean adDisabled) {
        // EPT: a leaf that is not user-readable must be execute-only (ACC_EXEC without ACC_WRITE).
        int[] accs = {7, 7, 6, 5, 4, 1};
        int f = accs[r.nextInt(accs.length)];
        int l = r.nextInt(100);
        f |= (l < 85 ? 0 : l < 97 ? 1 : 2) << LEVEL_SHIFT;
        if (r.nextInt(5) == 0) {
            f |= PREFETCH;
        }
        if (r.nextInt(10) != 0) {
            f |= HOST_WRITABLE;
        }
        if (r.nextInt(10) == 0) {
            f |= WRPROT;
        }
        if (adDisabled || (accessTracking && r.nextInt(4) == 0)) {
            f |= AD_DISABLED;
        } else if (accessTracking && r.nextInt(20) == 0) {
            f |= WRPROT_ONLY;
        }
        if (r.nextInt(30) == 0) {
            f |= HOST_MMIO;
        }
        return f;
    }

    private static long leaf(SpteProfile p, int f, SplittableRandom r) {
        return p.makeSpte(pfn(r, level(f)), f & ACC_MASK, level(f), (f & PREFETCH) != 0, (f & HOST_WRITABLE) != 0,
                (f & WRPROT) != 0, (f & AD_DISABLED) != 0, (f & WRPROT_ONLY) != 0, (f & HOST_MMIO) != 0);
    }
}
