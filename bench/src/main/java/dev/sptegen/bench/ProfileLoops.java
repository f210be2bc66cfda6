package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.SpteProfile;

/**
 * The four workloads over the generated runtime through {@code SpteProfile} (profile chosen at run time).
 *
 * <p>The same loop text exists once per version (generated Ept, generated
 * Npt, kernel-style, SpteProfile); only the receiver of the helper calls differs. Every loop is
 * branch-free in its source ({@code cond ? x : 0}, non-short-circuit {@code &}); the compiler chooses.
 * Counts are ints (a set has 1 Mi SPTEs): C2 turns {@code n += b ? 1 : 0} on an int into an add of
 * the 0/1 value when {@code b} is one, where a long counter keeps a jump per rarely-true test.
 *
 * <p>The loops read their data from final fields ({@link WorkloadLoops}), not from arguments.
 */
public final class ProfileLoops extends WorkloadLoops {
    private final SpteProfile p;

    /** The loops over the arrays of {@code d}. */
    public ProfileLoops(SpteProfile p, SpteSet d) {
        super(d);
        this.p = p;
    }

    @Override
    public long classify() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : mixed) {
            boolean pr = p.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += p.isMmioSpte(s) ? 1 : 0;
            frozen += p.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & p.isAccessTrackSpte(s) ? 1 : 0;
        }
        LoopResults.LAST[0] = present;
        LoopResults.LAST[1] = mmio;
        LoopResults.LAST[2] = frozen;
        LoopResults.LAST[3] = tracked;
        return present + mmio + frozen + tracked;
    }

    @Override
    public long extract() {
        long pfns = 0;
        long gens = 0;
        for (long s : mixed) {
            gens += p.isMmioSpte(s) ? p.getMmioSpteGeneration(s) : 0;
            pfns += p.isShadowPresentPte(s) ? p.spteToPfn(s) : 0;
        }
        LoopResults.LAST[0] = pfns;
        LoopResults.LAST[1] = gens;
        return pfns ^ gens;
    }

    @Override
    public long extractPfnFirst() {
        long pfns = 0;
        long gens = 0;
        for (long s : mixed) {
            pfns += p.isShadowPresentPte(s) ? p.spteToPfn(s) : 0;
            gens += p.isMmioSpte(s) ? p.getMmioSpteGeneration(s) : 0;
        }
        LoopResults.LAST[0] = pfns;
        LoopResults.LAST[1] = gens;
        return pfns ^ gens;
    }

    @Override
    public long make() {
        long h = 0;
        for (int i = 0; i < flags.length; i++) {
            int f = flags[i];
            long fn = pfn[i];
            long acc = f & SpteSet.ACC_MASK;
            boolean adDisabled = (f & SpteSet.AD_DISABLED) != 0;
            h += p.makeSpte(fn, acc, ((f >>> SpteSet.LEVEL_SHIFT) & 3) + 1, (f & SpteSet.PREFETCH) != 0,
                    (f & SpteSet.HOST_WRITABLE) != 0, (f & SpteSet.WRPROT) != 0, adDisabled,
                    (f & SpteSet.WRPROT_ONLY) != 0, (f & SpteSet.HOST_MMIO) != 0);
            h ^= p.makeNonleafSpte(fn, adDisabled);
            h += p.makeMmioSpte(fn, acc, gen[i]);
        }
        return h;
    }

    @Override
    public long roundTrip() {
        long h = 0;
        for (long s : leaves) {
            h += p.restoreAccTrackSpte(p.markSpteForAccessTrack(s));
        }
        return h;
    }
}
