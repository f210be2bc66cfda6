package dev.sptegen.kvm;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled spec eras, oldest first, with the kernel releases each one stands for according to the
 * facts file (/work/shared/reference/kvm-spte-facts.md, sections 1.1 and 1.2). The golden tests name
 * eras and profiles themselves, so that a spec that loses an era or a profile fails them.
 */
enum Era {
    /** Linux 5.13-6.9 (with 6.9 names). */
    K5_13("kvm-5.13"),
    /** Linux 6.10. */
    K6_10("kvm-6.10"),
    /** Linux 6.11-6.12 (the facts' "6.12" examples). */
    K6_11("kvm-6.11"),
    /** Linux 6.13-6.15. */
    K6_13("kvm-6.13"),
    /** Linux 6.16-7.1. */
    K6_16("kvm-6.16"),
    /** Linux 7.2 and later. */
    K7_2("kvm-7.2");

    /** Profiles with the EPT SPTE format (TDX mirror and direct roots use it too, facts 1.5 and 2.5). */
    static final Set<String> EPT = Set.of("ept", "ept-noad", "ept-noexec-only", "ept-ve", "tdx");
    /** EPT profiles whose CPU supports execute-only entries. */
    static final Set<String> EPT_EXEC_ONLY = Set.of("ept", "ept-noad", "ept-ve", "tdx");
    /** EPT profiles that use the EPT A/D bits (eptad=1; TDX requires them, facts 2.5). */
    static final Set<String> EPT_AD = Set.of("ept", "ept-noexec-only", "ept-ve", "tdx");
    /** Profiles with the x86-64 SPTE format: AMD NPT and legacy shadow paging. */
    static final Set<String> X86 = Set.of("npt", "npt-sme", "shadow");
    /** Every profile. */
    static final Set<String> ANY = union(EPT, X86);

    private final String specName;

    Era(String specName) {
        this.specName = specName;
    }

    String specName() {
        return specName;
    }

    Spec spec() {
        return KvmSpecs.byName(specName).orElseThrow(() -> new AssertionError("no bundled spec " + specName));
    }

    /** The profiles this era must offer: ept-ve from 6.10 (PROVE_VE), tdx from 6.16. */
    List<String> profiles() {
        List<String> names = new ArrayList<>(List.of("ept", "ept-noad", "ept-noexec-only"));
        if (atLeast(K6_10)) {
            names.add("ept-ve");
        }
        if (atLeast(K6_16)) {
            names.add("tdx");
        }
        names.addAll(List.of("npt", "npt-sme", "shadow"));
        return names;
    }

    Interpreter interpreter(String profile) {
        return new Interpreter(spec(), profile);
    }

    /**
     * An interpreter for a configuration no bundled profile has: a bundled profile with some parameters
     * changed (e.g. a VM that honours guest PAT, or another L1TF cache width).
     */
    Interpreter interpreter(String baseProfile, Map<String, Long> changes) {
        Spec spec = spec();
        Profile base = spec.profile(baseProfile);
        Map<String, Long> bindings = new LinkedHashMap<>(base.bindings());
        bindings.putAll(changes);
        return new Interpreter(spec, new Profile(baseProfile + "+" + changes, base.vendor(), bindings, "test variant"));
    }

    boolean atLeast(Era other) {
        return compareTo(other) >= 0;
    }

    static Set<Era> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(Era.class));
    }

    static Set<Era> from(Era first) {
        return EnumSet.range(first, K7_2);
    }

    static Set<Era> upTo(Era last) {
        return EnumSet.range(K5_13, last);
    }

    static Set<Era> range(Era first, Era last) {
        return EnumSet.range(first, last);
    }

    static Set<Era> only(Era era) {
        return EnumSet.of(era);
    }

    static Set<String> profiles(String... names) {
        return Set.of(names);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
