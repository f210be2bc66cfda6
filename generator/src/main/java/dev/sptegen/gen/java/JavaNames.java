package dev.sptegen.gen.java;

import dev.sptegen.dsl.model.JavaSpelling;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.Locale;

/** How spec names become Java names. One place, so the runtime and its suites always agree. */
public final class JavaNames {
    /** Root package of all generated runtimes. */
    public static final String ROOT_PACKAGE = "dev.sptegen.runtime";

    private JavaNames() {
    }

    /** {@code kvm-6.10} becomes {@code dev.sptegen.runtime.kvm6_10}. */
    public static String packageName(Spec spec) {
        return ROOT_PACKAGE + "." + spec.name().toLowerCase(Locale.ROOT).replace("-", "").replace('.', '_');
    }

    /** {@code ept-noexec-only} becomes {@code EptNoexecOnly}. */
    public static String className(Profile profile) {
        return pascal(profile.name());
    }

    /** The interface every profile of a spec implements. */
    public static String interfaceName() {
        return "SpteProfile";
    }

    /** {@code shadow_mmio_value} becomes {@code SHADOW_MMIO_VALUE}. */
    public static String constant(String kernelName) {
        return kernelName.toUpperCase(Locale.ROOT);
    }

    /** {@code hw_outcome} value {@code EPT_VIOLATION} becomes {@code HW_OUTCOME_EPT_VIOLATION}. */
    public static String enumConstant(String enumName, String valueName) {
        return constant(enumName) + "_" + valueName.toUpperCase(Locale.ROOT);
    }

    /** {@code is_shadow_present_pte} becomes {@code isShadowPresentPte}. */
    public static String method(String kernelName) {
        return JavaSpelling.camel(kernelName);
    }

    /** Reads a field: {@code mmio_gen} becomes {@code getMmioGen}. */
    public static String getter(String field) {
        return "get" + pascal(field);
    }

    /** Writes a field: {@code mmio_gen} becomes {@code withMmioGen}. */
    public static String wither(String field) {
        return "with" + pascal(field);
    }

    /** {@code pte_access} becomes {@code pteAccess}. */
    public static String argument(String name) {
        return method(name);
    }

    static String pascal(String name) {
        return JavaSpelling.pascal(name);
    }
}
