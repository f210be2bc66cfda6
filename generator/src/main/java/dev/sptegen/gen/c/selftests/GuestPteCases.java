package dev.sptegen.gen.c.selftests;

import java.util.ArrayList;
import java.util.List;

/**
 * The declared combinations of guest_pte_access_test. A row sets the flags of the test address's
 * PDE and PTE, the CPU state and the access. The space is exhaustive over what decides the outcome
 * of a supervisor access, and collapses what cannot matter:
 * <ul>
 * <li>CPU: CR0.WP on or off, times none, SMEP or SMAP (EFER.NXE is always on in KVM selftests);
 * <li>access: read, write, fetch (supervisor: the 6.12 library has no ring 3; U still matters
 *     through SMEP and SMAP);
 * <li>a not-present PDE (its other bits are ignored);
 * <li>a PDE that points to a page table: P plus any of W, U, XD; under it a not-present PTE or P
 *     plus any of W, U, XD, A, D;
 * <li>a 2 MiB PDE: P and PS plus any of W, U, XD, D;
 * <li>reserved bits (MAXPHYADDR, bit 51, bit 13 of a 2 MiB PDE) one at a time in a present entry that
 *     would otherwise allow every access, and in a not-present one, where they are ignored.
 * </ul>
 */
final class GuestPteCases {
    static final int P = 1 << 0, W = 1 << 1, U = 1 << 2, A = 1 << 3, D = 1 << 4, NX = 1 << 5, PS = 1 << 6;
    static final int RSVD_PA = 1 << 7, RSVD_51 = 1 << 8, RSVD_13 = 1 << 9;
    static final int C_WP = 1, C_SMEP = 2, C_SMAP = 4;
    static final int[] CPUS = {0, C_WP, C_SMEP, C_WP | C_SMEP, C_SMAP, C_WP | C_SMAP};
    static final String[] ACCESSES = {"read", "write", "fetch"};

    /** One row: entry flags, CPU flags, access index. */
    record Case(int pde, int pte, int cpu, int access) {
    }

    private GuestPteCases() {
    }

    /** The entry combinations, the same for every CPU state and access. */
    static List<int[]> entries() {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {0, P | W | U});
        for (int pde = 0; pde < 8; pde++) {
            int pdeFlags = P | bits(pde, W, U, NX);
            out.add(new int[] {pdeFlags, 0});
            for (int pte = 0; pte < 32; pte++) {
                out.add(new int[] {pdeFlags, P | bits(pte, W, U, NX, A, D)});
            }
        }
        for (int pde = 0; pde < 16; pde++) {
            out.add(new int[] {P | PS | bits(pde, W, U, NX, D), 0});
        }
        int ok = P | W | U;
        out.add(new int[] {ok, ok | RSVD_PA});
        out.add(new int[] {ok, ok | RSVD_51});
        out.add(new int[] {ok | RSVD_PA, ok});
        out.add(new int[] {ok | RSVD_51, ok});
        out.add(new int[] {ok | PS | RSVD_13, 0});
        out.add(new int[] {ok | PS | RSVD_PA, 0});
        out.add(new int[] {ok | PS | RSVD_51, 0});
        out.add(new int[] {ok, W | U | RSVD_51});
        out.add(new int[] {W | U | RSVD_51, ok});
        return out;
    }

    /** The flags chosen by the set bits of {@code mask}, in order. */
    private static int bits(int mask, int... flags) {
        int out = 0;
        for (int i = 0; i < flags.length; i++) {
            if ((mask >> i & 1) != 0) {
                out |= flags[i];
            }
        }
        return out;
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (int access = 0; access < ACCESSES.length; access++) {
            for (int cpu : CPUS) {
                for (int[] e : entries()) {
                    out.add(new Case(e[0], e[1], cpu, access));
                }
            }
        }
        return out;
    }
}
