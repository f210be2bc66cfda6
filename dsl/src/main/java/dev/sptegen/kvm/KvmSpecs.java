package dev.sptegen.kvm;

import dev.sptegen.dsl.model.Spec;
import java.util.List;
import java.util.Optional;

/** The bundled specs, oldest first: one per change of KVM's x86 SPTE layout. */
public final class KvmSpecs {
    private KvmSpecs() {
    }

    public static List<Spec> all() {
        return List.of(KvmX86_5_13.SPEC, KvmX86_6_10.SPEC, KvmX86_6_11.SPEC, KvmX86_6_13.SPEC, KvmX86_6_16.SPEC,
                KvmX86_7_2.SPEC);
    }

    public static Optional<Spec> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Names of the bundled specs, for messages. */
    public static List<String> names() {
        return all().stream().map(Spec::name).toList();
    }
}
