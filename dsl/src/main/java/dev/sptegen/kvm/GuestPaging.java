package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.allOf;
import static dev.sptegen.dsl.api.Dsl.anyOf;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.flag;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.oneOf;
import static dev.sptegen.dsl.api.Dsl.or;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.when;
import static dev.sptegen.dsl.api.Dsl.word;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Type;

/**
 * What a guest sees when the CPU (or KVM's emulator, or KVM's shadow MMU on its behalf) walks the
 * guest's own 4-level page tables: the last two levels, a PDE and a PTE, with everything above them
 * present, writable and user. From the SDM's and APM's paging rules: a not-present entry faults with
 * P=0 whatever its other bits; a present entry with a reserved bit faults with RSVD=1 and P=1; the
 * effective permission is the AND of R/W and U/S and the OR of XD over the levels; CR0.WP makes
 * supervisor writes honour R/W; SMEP forbids supervisor fetches from user pages and SMAP supervisor
 * data accesses to them (EFLAGS.AC is 0); the I/D bit is reported for fetches when EFER.NXE or
 * CR4.SMEP is set. A successful access sets A in every entry it used and D in the leaf it wrote.
 * KVM must give the guest exactly this on every MMU (TDP, shadow paging, the emulator).
 *
 * <p>The guest's MAXPHYADDR is the host's ({@code maxphyaddr}): KVM selftests copy the host CPUID.
 */
final class GuestPaging {
    private static final Expr PDE = arg("pde");
    private static final Expr PTE = arg("pte");
    private static final Expr ACCESS = arg("access");

    private GuestPaging() {
    }

    static void declare(SpecBuilder s) {
        LayoutScope all = s.all();
        errorCodes(all);
        all.mask("guest_rsvd_high_mask").is(when(p("maxphyaddr").lt(52), genmask(lit(51), p("maxphyaddr")), lit(0)))
                .doc("Guest physical-address bits at and above MAXPHYADDR: reserved in every present guest entry");
        all.hardware("guest_pde_rsvd", Type.BOOL).of(word("pde"), flag("efer_nx"))
                .is(PDE.anySet(or(c("guest_rsvd_high_mask"),
                        when(large(), genmask(20, 13), lit(0)),
                        when(arg("efer_nx"), lit(0), c("PT64_NX_MASK")))))
                .doc("A guest PDE sets a reserved bit: an address bit at or above MAXPHYADDR, bits 20:13 of a 2 MiB "
                        + "page (bit 12 is PAT), or XD while EFER.NXE is 0");
        all.hardware("guest_pte_rsvd", Type.BOOL).of(word("pte"), flag("efer_nx"))
                .is(PTE.anySet(c("guest_rsvd_high_mask").or(when(arg("efer_nx"), lit(0), c("PT64_NX_MASK")))))
                .doc("A guest PTE sets a reserved bit: an address bit at or above MAXPHYADDR, or XD while EFER.NXE is 0");
        walk(all);
        invariants(all);
    }

    private static void errorCodes(LayoutScope all) {
        all.mask("PFERR_PRESENT_MASK").is(bit(0)).doc("#PF error code P: a protection or reserved-bit fault, not a not-present one");
        all.mask("PFERR_WRITE_MASK").is(bit(1)).doc("#PF error code W/R: the access was a write");
        all.mask("PFERR_USER_MASK").is(bit(2)).doc("#PF error code U/S: the access was a user-mode access");
        all.mask("PFERR_RSVD_MASK").is(bit(3)).doc("#PF error code RSVD: a reserved bit was set in a present entry");
        all.mask("PFERR_FETCH_MASK").is(bit(4)).doc("#PF error code I/D: the access was an instruction fetch");
    }

    /** The arguments of every walk function, in this order. */
    static Arg[] walkArgs() {
        return new Arg[] {word("pde"), word("pte"), oneOf("access", "access_kind"), flag("cr0_wp"), flag("efer_nx"),
            flag("smep"), flag("smap")};
    }

    private static Expr[] walkCall() {
        return new Expr[] {PDE, PTE, ACCESS, arg("cr0_wp"), arg("efer_nx"), arg("smep"), arg("smap")};
    }

    private static Expr large() {
        return PDE.anySet(c("PT_PAGE_SIZE_MASK"));
    }

    private static Expr present(Expr entry) {
        return entry.anySet(c("PT_PRESENT_MASK"));
    }

    private static void walk(LayoutScope all) {
        Expr pdeRsvd = call("guest_pde_rsvd", PDE, arg("efer_nx"));
        Expr pteRsvd = call("guest_pte_rsvd", PTE, arg("efer_nx"));
        all.hardware("guest_walk_not_present", Type.BOOL).of(walkArgs())
                .is(not(present(PDE)).orElse(allOf(not(pdeRsvd), not(large()), not(present(PTE)))))
                .doc("The walk stops at a not-present entry: the PDE, or the PTE under a well-formed PDE table entry");
        all.hardware("guest_walk_reserved", Type.BOOL).of(walkArgs())
                .is(present(PDE).andAlso(pdeRsvd.orElse(allOf(not(large()), present(PTE), pteRsvd))))
                .doc("The walk meets a present entry with a reserved bit set");
        Expr write = ACCESS.anySet(lit(1));
        Expr fetch = ACCESS.anySet(lit(2));
        Expr user = ACCESS.anySet(lit(4));
        Expr writable = PDE.anySet(c("PT_WRITABLE_MASK")).andAlso(large().orElse(PTE.anySet(c("PT_WRITABLE_MASK"))));
        Expr userPage = PDE.anySet(c("PT_USER_MASK")).andAlso(large().orElse(PTE.anySet(c("PT_USER_MASK"))));
        Expr noExec = PDE.anySet(c("PT64_NX_MASK")).orElse(not(large()).andAlso(PTE.anySet(c("PT64_NX_MASK"))));
        all.hardware("guest_walk_denied", Type.BOOL).of(walkArgs())
                .is(anyOf(
                        allOf(write, not(writable), user.orElse(arg("cr0_wp"))),
                        allOf(user, not(userPage)),
                        allOf(fetch, arg("efer_nx"), noExec),
                        allOf(fetch, not(user), arg("smep"), userPage),
                        allOf(not(fetch), not(user), arg("smap"), userPage)))
                .doc("The permissions of a well-formed walk deny the access: a write to a read-only page (supervisor "
                        + "writes only with CR0.WP), a user access to a supervisor page, a fetch from an XD page, a "
                        + "supervisor fetch from a user page under SMEP, a supervisor data access to a user page under SMAP");
        Expr np = call("guest_walk_not_present", walkCall());
        Expr rsvd = call("guest_walk_reserved", walkCall());
        Expr denied = call("guest_walk_denied", walkCall());
        all.hardware("guest_walk_fault", Type.BOOL).of(walkArgs())
                .is(anyOf(np, rsvd, denied))
                .doc("The access raises #PF");
        all.hardware("guest_walk_error_code", Type.U64).of(walkArgs())
                .is(when(call("guest_walk_fault", walkCall()),
                        or(when(np, lit(0), c("PFERR_PRESENT_MASK")),
                                when(write, c("PFERR_WRITE_MASK"), lit(0)),
                                when(user, c("PFERR_USER_MASK"), lit(0)),
                                when(rsvd, c("PFERR_RSVD_MASK"), lit(0)),
                                when(fetch.andAlso(arg("efer_nx").orElse(arg("smep"))), c("PFERR_FETCH_MASK"), lit(0))),
                        lit(0)))
                .doc("The #PF error code of the access (0 when it does not fault): P unless the walk hit a not-present "
                        + "entry, W/R for writes, U/S for user accesses, RSVD for reserved bits, I/D for fetches when "
                        + "EFER.NXE or CR4.SMEP is set");
        Expr ok = not(call("guest_walk_fault", walkCall()));
        all.hardware("guest_walk_pde_after", Type.U64).of(walkArgs())
                .is(when(ok, PDE.or(c("PT_ACCESSED_MASK"))
                        .or(when(large().andAlso(write), c("PT_DIRTY_MASK"), lit(0))), PDE))
                .doc("The PDE after a successful access: Accessed, and Dirty if it maps a 2 MiB page that was written "
                        + "(after a fault the CPU may or may not have set Accessed: only successful walks are defined)");
        all.hardware("guest_walk_pte_after", Type.U64).of(walkArgs())
                .is(when(ok.andAlso(not(large())), PTE.or(c("PT_ACCESSED_MASK"))
                        .or(when(write, c("PT_DIRTY_MASK"), lit(0))), PTE))
                .doc("The PTE after a successful access through it: Accessed, and Dirty if written");
    }

    private static void invariants(LayoutScope all) {
        Expr result = arg("result");
        all.invariant("guest_no_fault_no_error_code").forEveryCall("guest_walk_error_code")
                .holds(call("guest_walk_fault", walkCall()).orElse(result.isZero()))
                .doc("an access that does not fault has no error code");
        all.invariant("guest_reserved_fault_is_present").forEveryCall("guest_walk_error_code")
                .holds(result.and(c("PFERR_RSVD_MASK")).isZero().orElse(result.anySet(c("PFERR_PRESENT_MASK"))))
                .doc("a reserved-bit fault always reports P=1");
        all.invariant("guest_success_sets_accessed").forEveryCall("guest_walk_pde_after")
                .holds(call("guest_walk_fault", walkCall()).orElse(result.and(c("PT_ACCESSED_MASK")).eq(c("PT_ACCESSED_MASK"))))
                .doc("a successful access sets Accessed in the PDE");
        all.invariant("guest_walk_changes_only_ad").forEveryCall("guest_walk_pte_after")
                .holds(result.clear(c("PT_ACCESSED_MASK").or(c("PT_DIRTY_MASK"))).eq(PTE.clear(c("PT_ACCESSED_MASK").or(c("PT_DIRTY_MASK")))))
                .doc("a walk changes no PTE bit other than Accessed and Dirty");
    }
}
