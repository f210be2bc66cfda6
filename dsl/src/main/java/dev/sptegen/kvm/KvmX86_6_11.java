package dev.sptegen.kvm;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;

/**
 * Linux 6.11, "Rename REMOVED_SPTE to FROZEN_SPTE" (964cea817196, TDX MMU prep): the marker is now
 * also written while a mirror SPTE is being propagated, so it is named for what it does. The
 * encoding does not change.
 */
public final class KvmX86_6_11 {
    public static final Spec SPEC = build();

    private KvmX86_6_11() {
    }

    private static Spec build() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_10.SPEC, "kvm-6.11", "6.11",
                "REMOVED_SPTE is renamed FROZEN_SPTE and is_removed_spte is_frozen_spte; the encoding is unchanged");
        s.rename("REMOVED_SPTE", "FROZEN_SPTE");
        s.rename("is_removed_spte", "is_frozen_spte");
        s.rename("removed_spte_not_mmu_present", "frozen_spte_not_mmu_present");
        s.all().redefine().invariant("frozen_spte_not_mmu_present").doc("frozen SPTE is not MMU-present");
        s.all().redefine().value("FROZEN_SPTE")
                .doc("Marks an SPTE that is being torn down, or (TDX) whose mirror change is being propagated: the "
                        + "non-present value plus bits 5, 7, 8 and 10, so no R/W/X, P or PFN bit is set");
        s.all().redefine().predicate("is_frozen_spte")
                .doc("Another thread owns this SPTE for now; retry");
        return s.build();
    }
}
