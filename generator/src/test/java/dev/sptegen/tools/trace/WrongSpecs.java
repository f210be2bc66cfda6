package dev.sptegen.tools.trace;

import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.lit;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmX86_6_11;

/** Deliberately wrong variants of kvm-6.11, to show that the trace check catches them. */
final class WrongSpecs {
    private WrongSpecs() {
    }

    /** Non-present SPTEs without bit 63 (the pre-6.10 value, 0). */
    static Spec nonPresentWithoutBit63() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_11.SPEC, "kvm-6.11-np0", "6.11",
                "kvm-6.11 with non-present SPTEs equal to 0 (wrong for 6.10+)");
        s.all().redefine().value("SHADOW_NONPRESENT_VALUE").is(lit(0));
        return s.build();
    }

    /** An MMIO generation one bit narrower: the high part ends at bit 61. */
    static Spec narrowerMmioGeneration() {
        SpecBuilder s = SpecBuilder.derive(KvmX86_6_11.SPEC, "kvm-6.11-gen18", "6.11",
                "kvm-6.11 with an 18-bit MMIO generation (wrong for 5.13-7.1)");
        s.all().redefine().number("MMIO_SPTE_GEN_HIGH_END").is(lit(61));
        s.all().redefine().invariant("mmio_gen_high_bits").equal(c("MMIO_SPTE_GEN_HIGH_BITS"), lit(10));
        return s.build();
    }
}
