package dev.sptegen.bench;

/**
 * The four workloads over the hand-written kernel-style baseline ({@link KernelStyleSpte}, masks in mutable statics).
 *
 * <p>The same loop text exists once per version (generated Ept, generated
 * Npt, kernel-style, SpteProfile); only the receiver of the helper calls differs. Every loop is
 * branch-free in its source ({@code cond ? x : 0}, non-short-circuit {@code &}); the compiler chooses.
 * Counts are ints (a set has 1 Mi SPTEs): C2 turns {@code n += b ? 1 : 0} on an int into an add of
 * the 0/1 value when {@code b} is one, where a long counter keeps a jump per rarely-true test.
 *
 * <p>The loops read their data from final fields ({@link WorkloadLoops}), not from arguments.
 */
public final class KernelLoops extends WorkloadLoops {
    /** The loops over the arrays of {@code d}. */
    public KernelLoops(SpteSet d) {
        super(d);
    }

    @Override
    public long classify() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : mixed) {
            boolean pr = KernelStyleSpte.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += KernelStyleSpte.isMmioSpte(s) ? 1 : 0;
            frozen += KernelStyleSpte.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & KernelStyleSpte.isAccessTrackSpte(s) ? 1 : 0;
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
            gens += KernelStyleSpte.isMmioSpte(s) ? KernelStyleSpte.getMmioSpteGeneration(s) : 0;
            pfns += KernelStyleSpte.isShadowPresentPte(s) ? KernelStyleSpte.spteToPfn(s) : 0;
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
            pfns += KernelStyleSpte.isShadowPresentPte(s) ? KernelStyleSpte.spteToPfn(s) : 0;
            gens += KernelStyleSpte.isMmioSpte(s) ? KernelStyleSpte.getMmioSpteGeneration(s) : 0;
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
            h += KernelStyleSpte.makeSpte(fn, acc, ((f >>> SpteSet.LEVEL_SHIFT) & 3) + 1, (f & SpteSet.PREFETCH) != 0,
                    (f & SpteSet.HOST_WRITABLE) != 0, (f & SpteSet.WRPROT) != 0, adDisabled,
                    (f & SpteSet.WRPROT_ONLY) != 0, (f & SpteSet.HOST_MMIO) != 0);
            h ^= KernelStyleSpte.makeNonleafSpte(fn, adDisabled);
            h += KernelStyleSpte.makeMmioSpte(fn, acc, gen[i]);
        }
        return h;
    }

    @Override
    public long roundTrip() {
        long h = 0;
        for (long s : leaves) {
            h += KernelStyleSpte.restoreAccTrackSpte(KernelStyleSpte.markSpteForAccessTrack(s));
        }
        return h;
    }
}
