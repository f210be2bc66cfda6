package dev.sptegen.gen.c.selftests;

import static dev.sptegen.gen.c.selftests.GuestPteCases.A;
import static dev.sptegen.gen.c.selftests.GuestPteCases.C_SMAP;
import static dev.sptegen.gen.c.selftests.GuestPteCases.C_SMEP;
import static dev.sptegen.gen.c.selftests.GuestPteCases.C_WP;
import static dev.sptegen.gen.c.selftests.GuestPteCases.D;
import static dev.sptegen.gen.c.selftests.GuestPteCases.NX;
import static dev.sptegen.gen.c.selftests.GuestPteCases.P;
import static dev.sptegen.gen.c.selftests.GuestPteCases.PS;
import static dev.sptegen.gen.c.selftests.GuestPteCases.RSVD_13;
import static dev.sptegen.gen.c.selftests.GuestPteCases.RSVD_51;
import static dev.sptegen.gen.c.selftests.GuestPteCases.RSVD_PA;
import static dev.sptegen.gen.c.selftests.GuestPteCases.U;
import static dev.sptegen.gen.c.selftests.GuestPteCases.W;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.c.selftests.GuestPteCases.Case;
import dev.sptegen.gen.c.selftests.GuestPteModel.Flag;
import java.util.ArrayList;
import java.util.List;

/**
 * guest_pte_access_test: every declared combination ({@link GuestPteCases}) with the outcome the
 * spec's guest page-walk functions give: #PF and its error code, or success and the A/D bits of
 * the PDE and PTE afterwards.
 */
public final class GuestPteBuilder {
    private GuestPteBuilder() {
    }

    /** Guest paging is the same for every vendor; the first x86 profile (or any) evaluates it. */
    static Profile profile(Spec spec) {
        return spec.profiles().values().stream().filter(p -> p.name().equals("npt")).findFirst()
                .orElse(spec.profiles().values().iterator().next());
    }

    public static GuestPteModel build(CheckedSpec checked) {
        Spec spec = checked.spec();
        Profile profile = profile(spec);
        Interpreter in = checked.interpreter(profile);
        List<String> groups = new ArrayList<>();
        for (String access : GuestPteCases.ACCESSES) {
            for (int cpu : GuestPteCases.CPUS) {
                groups.add(access + ", " + cpuName(cpu));
            }
        }
        List<String> rows = new ArrayList<>();
        List<Case> cases = GuestPteCases.all();
        for (Case c : cases) {
            rows.addAll(row(in, c, groups.indexOf(GuestPteCases.ACCESSES[c.access()] + ", " + cpuName(c.cpu()))));
        }
        return new GuestPteModel(spec.name(), profile.name(), flags(), groups, rows, cases.size());
    }

    private static List<Flag> flags() {
        return List.of(new Flag("F_P", hex(P), "present"), new Flag("F_W", hex(W), "writable"),
                new Flag("F_U", hex(U), "user"), new Flag("F_A", hex(A), "accessed"), new Flag("F_D", hex(D), "dirty"),
                new Flag("F_NX", hex(NX), "execute disable"), new Flag("F_PS", hex(PS), "PDE only: 2 MiB page"),
                new Flag("F_RSVD_PA", hex(RSVD_PA), "bit MAXPHYADDR (reserved below 52)"),
                new Flag("F_RSVD_51", hex(RSVD_51), "bit 51 (reserved below MAXPHYADDR 52)"),
                new Flag("F_RSVD_13", hex(RSVD_13), "bit 13: reserved in a 2 MiB PDE"),
                new Flag("C_WP", hex(C_WP), "CR0.WP"), new Flag("C_SMEP", hex(C_SMEP), "CR4.SMEP"),
                new Flag("C_SMAP", hex(C_SMAP), "CR4.SMAP"));
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    static String cpuName(int cpu) {
        List<String> on = new ArrayList<>();
        on.add((cpu & C_WP) != 0 ? "WP=1" : "WP=0");
        if ((cpu & C_SMEP) != 0) {
            on.add("SMEP");
        }
        if ((cpu & C_SMAP) != 0) {
            on.add("SMAP");
        }
        return String.join(" ", on);
    }

    /** The entry flags as the spec's bits (the PT or 2 MiB page address does not change the outcome). */
    static long bits(Interpreter in, int f, boolean pde) {
        long v = 0;
        v |= (f & P) != 0 ? in.constant("PT_PRESENT_MASK") : 0;
        v |= (f & W) != 0 ? in.constant("PT_WRITABLE_MASK") : 0;
        v |= (f & U) != 0 ? in.constant("PT_USER_MASK") : 0;
        v |= (f & A) != 0 ? in.constant("PT_ACCESSED_MASK") : 0;
        v |= (f & D) != 0 ? in.constant("PT_DIRTY_MASK") : 0;
        v |= (f & NX) != 0 ? in.constant("PT64_NX_MASK") : 0;
        v |= (f & PS) != 0 ? in.constant("PT_PAGE_SIZE_MASK") : 0;
        v |= (f & RSVD_PA) != 0 ? 1L << in.param("maxphyaddr") : 0;
        v |= (f & RSVD_51) != 0 ? 1L << 51 : 0;
        v |= (f & RSVD_13) != 0 ? 1L << 13 : 0;
        v |= pde && (f & PS) == 0 ? 0x3000 : pde ? 0 : 0x5000;
        return v;
    }

    private static int adFlags(Interpreter in, long entry) {
        return ((entry & in.constant("PT_ACCESSED_MASK")) != 0 ? A : 0) | ((entry & in.constant("PT_DIRTY_MASK")) != 0 ? D : 0);
    }

    private static List<String> row(Interpreter in, Case c, int group) {
        long pde = bits(in, c.pde(), true);
        long pte = bits(in, c.pte(), false);
        long access = c.access() == 0 ? 0 : c.access() == 1 ? 1 : 2;
        long[] args = {pde, pte, access, (c.cpu() & C_WP) != 0 ? 1 : 0, 1, (c.cpu() & C_SMEP) != 0 ? 1 : 0,
            (c.cpu() & C_SMAP) != 0 ? 1 : 0};
        boolean fault = in.call("guest_walk_fault", args) != 0;
        long pfec = in.call("guest_walk_error_code", args);
        int pdeAd = fault ? 0 : adFlags(in, in.call("guest_walk_pde_after", args));
        int pteAd = fault || (c.pde() & PS) != 0 ? 0 : adFlags(in, in.call("guest_walk_pte_after", args));
        return TableRows.row(List.of(hex(c.pde()), hex(c.pte()), hex(c.cpu()), Integer.toString(c.access()),
                Integer.toString(group), fault ? "1" : "0", "0x" + Long.toHexString(pfec), hex(pdeAd), hex(pteAd)));
    }
}
