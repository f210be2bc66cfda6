package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.address;
import static dev.sptegen.dsl.api.Dsl.allOf;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.flag;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.or;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.range;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * make_spte and mark_spte_for_access_track reduced to their bit logic. The shape changed twice:
 * the 6.13 A/D overhaul (Accessed set whenever not prefetched or synchronizing, writable SPTEs always
 * Dirty, access tracking also clears Accessed) and the 7.2 MBEC rework (R from ACC_READ, separate
 * supervisor and user execute bits).
 */
final class MakeSpte {
    /** Which behaviour of make_spte an era has. */
    enum Era {
        V5_13(false, false), V6_13(true, false), V7_2(true, true);

        final boolean adOverhaul;
        final boolean mbec;

        Era(boolean adOverhaul, boolean mbec) {
            this.adOverhaul = adOverhaul;
            this.mbec = mbec;
        }
    }

    static final Expr LEVEL = arg("level");
    static final Expr ACCESS = arg("pte_access");

    private MakeSpte() {
    }

    static Arg[] args(Era era) {
        List<Arg> args = new ArrayList<>(List.of(
                address("pfn", c("x86_phys_bits").minus(c("PAGE_SHIFT"))),
                bits("pte_access", era.mbec ? 4 : 3), range("level", 1, 3),
                flag("prefetch")));
        if (era.adOverhaul) {
            args.add(flag("synchronizing"));
        }
        args.addAll(List.of(flag("host_writable"), flag("wrprot"), flag("ad_disabled"), flag("wrprot_only"),
                flag("host_mmio")));
        return args.toArray(new Arg[0]);
    }

    static Expr body(Era era) {
        Expr adType = when(arg("ad_disabled"), c("SPTE_TDP_AD_DISABLED"),
                when(arg("wrprot_only"), c("SPTE_TDP_AD_WRPROT_ONLY"), lit(0)));
        Expr adEnabled = not(arg("ad_disabled"));
        Expr accessed = era.adOverhaul
                ? when(not(arg("prefetch")).orElse(arg("synchronizing")), c("shadow_accessed_mask"), lit(0))
                : when(not(arg("prefetch")).andAlso(adEnabled), c("shadow_accessed_mask"), lit(0));
        Expr writable = allOf(arg("host_writable"), ACCESS.anySet(c("ACC_WRITE_MASK")), not(arg("wrprot")));
        Expr dirty = era.adOverhaul ? c("shadow_dirty_mask") : when(adEnabled, c("shadow_dirty_mask"), lit(0));
        Expr spte = or(c("SPTE_MMU_PRESENT_MASK"), adType, c("shadow_present_mask"), accessed,
                permissionBits(era), hugeBit(), call("spte_memtype", arg("host_mmio")),
                when(arg("host_writable"), c("shadow_host_writable_mask"), lit(0)),
                when(arg("host_mmio"), lit(0), c("shadow_me_value")),
                arg("pfn").shl(c("PAGE_SHIFT")),
                when(writable, or(c("PT_WRITABLE_MASK"), c("shadow_mmu_writable_mask"), dirty), lit(0)));
        Expr track = era.adOverhaul ? arg("prefetch").andAlso(not(arg("synchronizing"))) : arg("prefetch");
        return when(track, call("mark_spte_for_access_track", spte), spte);
    }

    /** Read, execute and user bits; huge pages lose execute under the NX huge page mitigation. */
    private static Expr permissionBits(Era era) {
        Expr noHugeExec = not(LEVEL.gt(c("PG_LEVEL_4K")).andAlso(p("nx_huge_pages")));
        Expr exec = ACCESS.anySet(c("ACC_EXEC_MASK")).andAlso(noHugeExec);
        Expr user = when(ACCESS.anySet(c("ACC_USER_MASK")), c("shadow_user_mask"), lit(0));
        if (!era.mbec) {
            return or(when(exec, c("shadow_x_mask"), c("shadow_nx_mask")), user);
        }
        Expr userExec = ACCESS.anySet(c("ACC_USER_EXEC_MASK")).andAlso(noHugeExec);
        return or(when(ACCESS.anySet(c("ACC_READ_MASK")), c("PT_PRESENT_MASK"), lit(0)),
                when(exec, c("shadow_xs_mask"), c("shadow_nx_mask")),
                when(userExec, c("shadow_xu_mask"), lit(0)), user);
    }

    private static Expr hugeBit() {
        return when(LEVEL.gt(c("PG_LEVEL_4K")), c("PT_PAGE_SIZE_MASK"), lit(0));
    }

    /** Inputs KVM can pass: an aligned huge-page PFN, A/D-disabled only with access tracking, PML only with A/D. */
    static Expr domain() {
        return allOf(
                arg("pfn").and(lit(1).shl(LEVEL.minus(1).times(lit(9))).minus(1)).isZero(),
                adDisabledPossible(),
                not(arg("wrprot_only")).orElse(allOf(not(arg("ad_disabled")), c("kvm_ad_enabled"),
                        c("shadow_acc_track_mask").nonZero())));
    }

    /**
     * EPT leaves KVM builds are never misconfigured: readable if writable, some access at all, and
     * readable whenever the CPU cannot do execute-only (the guest's own entry would be invalid otherwise).
     */
    static Expr eptDomain(Era era) {
        Expr read = ACCESS.anySet(c(era.mbec ? "ACC_READ_MASK" : "ACC_USER_MASK"))
                .orElse(c("shadow_present_mask").anySet(c("VMX_EPT_READABLE_MASK")));
        Expr exec = era.mbec
                ? ACCESS.anySet(c("ACC_EXEC_MASK").or(c("ACC_USER_EXEC_MASK")))
                : ACCESS.anySet(c("ACC_EXEC_MASK"));
        return allOf(domain(), read.orElse(not(ACCESS.anySet(c("ACC_WRITE_MASK")))), read.orElse(exec),
                read.orElse(p("ept_exec_only")));
    }

    /** Only EPT can have A/D-disabled shadow pages (eptad=0, or nested EPT without A/D). */
    static Expr adDisabledPossible() {
        return when(arg("ad_disabled"), c("shadow_acc_track_mask").nonZero(), c("kvm_ad_enabled"));
    }

    /** mark_spte_for_access_track; from 6.13 the A/D-disabled path also clears Accessed. */
    static Expr markForAccessTrack(Era era) {
        Expr tracked = SPTE.or(SPTE.and(c("SHADOW_ACC_TRACK_SAVED_BITS_MASK")).shl(c("SHADOW_ACC_TRACK_SAVED_BITS_SHIFT")))
                .clear(era.adOverhaul ? c("shadow_acc_track_mask").or(c("shadow_accessed_mask")) : c("shadow_acc_track_mask"));
        return when(call("spte_ad_enabled", SPTE), SPTE.clear(c("shadow_accessed_mask")),
                when(call("is_access_track_spte", SPTE), SPTE, tracked));
    }
}
