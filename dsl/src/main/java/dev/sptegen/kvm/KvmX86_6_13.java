package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.TRUE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.p;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;

/**
 * Linux 6.13, the A/D overhaul ("KVM: x86: MMU changes for 6.13"): EPT's Accessed and Dirty masks
 * are always bits 8 and 9, even when EPT A/D bits are off, and A/D-disabled SPTEs use Accessed as
 * software state; kvm_ad_enabled becomes a variable; writable SPTEs are always created Dirty;
 * make_spte's can_unsync becomes synchronizing; is_dirty_spte and spte_shadow_*_mask are gone.
 */
public final class KvmX86_6_13 {
    public static final Spec SPEC = build();

    private KvmX86_6_13() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_11.SPEC, "kvm-6.13", "6.13",
                "EPT Accessed/Dirty masks are always bits 8/9; Accessed is software state for A/D-disabled SPTEs; "
                        + "writable SPTEs are always Dirty");
        LayoutScope ept = s.on(Vendor.EPT).redefine();
        ept.mask("shadow_accessed_mask").is(c("VMX_EPT_ACCESS_BIT"))
                .doc("Accessed bit: EPT A, set by the CPU with A/D bits and by KVM as software state without");
        ept.mask("shadow_dirty_mask").is(c("VMX_EPT_DIRTY_BIT"))
                .doc("Dirty bit: EPT D, set by the CPU with A/D bits and by KVM as software state without");
        ept.flag("kvm_ad_enabled").is(p("ept_ad")).doc("KVM uses hardware A/D bits for non-nested MMUs (eptad)");
        s.on(Vendor.NPT, Vendor.SHADOW).redefine().flag("kvm_ad_enabled").is(TRUE)
                .doc("KVM uses hardware A/D bits: x86 paging always has them");

        LayoutScope all = s.all().redefine();
        all.remove("spte_shadow_accessed_mask", "spte_shadow_dirty_mask", "is_dirty_spte");
        all.predicate("is_accessed_spte").is(SPTE.anySet(c("shadow_accessed_mask")))
                .doc("The page was accessed: the Accessed bit, maintained by hardware or by KVM");
        all.maker("make_spte").of(MakeSpte.args(MakeSpte.Era.V6_13)).is(MakeSpte.body(MakeSpte.Era.V6_13))
                .doc("A leaf SPTE (make_spte reduced to its bit logic): A/D type, present bits, Accessed unless "
                        + "prefetched (or when synchronizing), execute, user, PS, memtype, host-writable, memory "
                        + "encryption, the PFN, then W, MMU-writable and Dirty if writable and not write-protected; "
                        + "prefetched SPTEs start access-tracked");
        s.on(Vendor.EPT).redefine().maker("make_spte").requires(MakeSpte.eptDomain(MakeSpte.Era.V6_13));
        all.transform("mark_spte_for_access_track").is(MakeSpte.markForAccessTrack(MakeSpte.Era.V6_13))
                .doc("Make the next access fault: clear Accessed; without A/D also save R/X above the PFN and clear R/W/X");
        all.invariant("access_tracking_roundtrip")
                .holds(call("spte_ad_enabled", SPTE).orElse(call("is_access_track_spte", SPTE))
                        .orElse(call("restore_acc_track_spte", arg("result"))
                                .eq(SPTE.clear(Kvm513Rules.unsavedTrackedBits().or(c("shadow_accessed_mask"))))))
                .doc("restoring an access-tracked SPTE gives back the SPTE before tracking, less W and Accessed");
        return s.build();
    }
}
