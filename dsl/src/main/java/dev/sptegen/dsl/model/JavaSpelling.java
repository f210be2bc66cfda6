package dev.sptegen.dsl.model;

/**
 * How a spec name is spelt in Java: the Java emitter names classes, methods and arguments this way,
 * and validation checks the result against Java's keywords, so both use this one definition.
 */
public final class JavaSpelling {
    private JavaSpelling() {
    }

    /** {@code ept-noexec-only} becomes {@code EptNoexecOnly}: '_', '-' and '.' start a new word. */
    public static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char ch : name.toCharArray()) {
            if (ch == '_' || ch == '-' || ch == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code is_shadow_present_pte} becomes {@code isShadowPresentPte}. */
    public static String camel(String name) {
        String p = pascal(name);
        return p.isEmpty() ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }
}
