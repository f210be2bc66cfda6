package dev.sptegen.gen.c;

import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.Locale;
import java.util.Set;

/** How spec names become C identifiers: one place, so header and selftests agree. */
public final class CNames {
    /** C keywords and names the selftest library already uses that an argument must not shadow. */
    private static final Set<String> RESERVED = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int",
            "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
            "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true", "false");

    private CNames() {
    }

    /** {@code ept-noad} -> {@code ept_noad}: the prefix of a profile's helpers. */
    public static String profile(Profile p) {
        return ident(p.name());
    }

    /** {@code ept-noad} -> {@code EPT_NOAD}: the prefix of a profile's macros. */
    public static String profileMacro(Profile p) {
        return profile(p).toUpperCase(Locale.ROOT);
    }

    /** A profile's copy of a constant: {@code NPT_SPTE_MMU_PRESENT_MASK}. */
    public static String constant(Profile p, String name) {
        return profileMacro(p) + "_" + name.toUpperCase(Locale.ROOT);
    }

    /** A profile's copy of a kernel helper: {@code npt_is_mmio_spte}. */
    public static String function(Profile p, String name) {
        return profile(p) + "_" + name;
    }

    /** Mask of a field in a profile: {@code EPT_FIELD_MEMTYPE_MASK}. */
    public static String fieldMask(Profile p, String field) {
        return profileMacro(p) + "_FIELD_" + field.toUpperCase(Locale.ROOT) + "_MASK";
    }

    /** Field accessors: {@code ept_get_memtype}, {@code ept_set_memtype}. */
    public static String fieldGet(Profile p, String field) {
        return profile(p) + "_get_" + field;
    }

    public static String fieldSet(Profile p, String field) {
        return profile(p) + "_set_" + field;
    }

    /** The masks struct of a profile: {@code kvm_6_11_npt_pte_masks}. */
    public static String masksVar(Spec s, Profile p) {
        return spec(s) + "_" + profile(p) + "_pte_masks";
    }

    /** {@code kvm-6.11} -> {@code kvm_6_11}. */
    public static String spec(Spec s) {
        return ident(s.name());
    }

    /** The header file of a spec: {@code sptegen_kvm_6_11.h}. */
    public static String header(Spec s) {
        return "sptegen_" + spec(s) + ".h";
    }

    /** An argument name that is a valid C identifier and no keyword. */
    public static String arg(String name) {
        String id = ident(name);
        return RESERVED.contains(id) ? id + "_" : id;
    }

    static String ident(String name) {
        StringBuilder b = new StringBuilder();
        for (char ch : name.toCharArray()) {
            b.append(Character.isLetterOrDigit(ch) ? ch : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }
}
