package dev.sptegen.bench;

import dev.sptegen.runtime.kvm6_11.Npt;

/**
 * The four workloads over the generated kvm-6.11 {@code Npt} runtime (static, constant-folded).
 *
 * <p>The same loop text exists once per version (generated Ept, generated
 * Npt, kernel-style, SpteProfile); only the receiver of the helper calls differs. Every loop is
 * branch-free in its source ({@code cond ? x : 0}, non-short-circuit {@code &}); the compiler chooses.
 * Counts are ints (a set has 1 Mi SPTEs): C2 turns {@code n += b ? 1 : 0} on an int into an add of
 * the 0/1 value when {@code b} is one, where a long counter keeps a jump per rarely-true test.
 *
 * <p>The loops read their data from final fields ({@link WorkloadLoops}), not from arguments.
 */
public final class GenNptLoops extends WorkloadLoops {
    /** The loops over the arrays of {@code d}. */
    public GenNptLoops(SpteSet d) {
        super(d);
    }

    @Override
    public long classify() {
        int present = 0;
        int mmio = 0;
        int frozen = 0;
        int tracked = 0;
        for (long s : mixed) {
            boolean pr = Npt.isShadowPresentPte(s);
            present += pr ? 1 : 0;
            mmio += Npt.isMmioSpte(s) ? 1 : 0;
            frozen += Npt.isFrozenSpte(s) ? 1 : 0;
            tracked += pr & Npt.isAccessTrackSpte(s) ? 1 : 0;
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
            gens += Npt.isMmioSpte(s) ? Npt.getMmioSpteGeneration(s) : 0;
            pfns += Npt.isShadowPresentPte(s) ? Npt.spteToPfn(s) : 0;
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
            pfns += Npt.isShadowPresentPte(s) ? Npt.spteToPfn(s) : 0;
            gens += Npt.isMmioSpte(s) ? Npt.getMmioSpteGeneration(s) : 0;
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
            h += Npt.makeSpte(fn, acc, ((f >>> SpteSet.LEVEL_SHIFT) & 3) + 1, (f & SpteSet.PREFETCH) != 0,
                    (f & SpteSet.HOST_WRITABLE) != 0, (f & SpteSet.WRPROT) != 0, adDisabled,
                    (f & SpteSet.WRPROT_ONLY) != 0, (f & SpteSet.HOST_MMIO) != 0);
            h ^= Npt.makeNonleafSpte(fn, adDisabled);
            h += Npt.makeMmioSpte(fn, acc, gen[i]);
        }
        return h;
    }

    @Override
    public long roundTrip() {
        long h = 0;
        for (long s : leaves) {
            h += Npt.restoreAccTrackSpte(Npt.markSpteForAccessTrack(s));
        }
        return h;
    }
}
