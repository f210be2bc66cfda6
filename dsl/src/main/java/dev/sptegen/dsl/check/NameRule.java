package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.JavaSpelling;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Spec;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names are C identifiers (they become C and Java names), unique within a layout across all kinds,
 * and still unique after the generator upper-cases constants and camel-cases functions.
 */
final class NameRule {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SPEC_NAME = Pattern.compile("[a-z][a-z0-9.-]*");

    private NameRule() {
    }

    static void check(Spec spec, Problems problems) {
        if (!SPEC_NAME.matcher(spec.name()).matches()) {
            problems.add("spec " + spec.name(), "name", "spec name must match " + SPEC_NAME.pattern());
        }
        spec.parameters().keySet().forEach(n -> identifier("parameter " + n, n, problems));
        for (EnumType e : spec.enums().values()) {
            identifier("enum " + e.name(), e.name(), problems);
            e.values().forEach(v -> identifier("enum " + e.name(), v.name(), problems));
        }
        spec.profiles().keySet().forEach(n -> {
            if (!SPEC_NAME.matcher(n).matches()) {
                problems.add("profile " + n, "name", "profile name must match " + SPEC_NAME.pattern());
            }
        });
        for (Layout layout : spec.layouts().values()) {
            Map<String, String> seen = new HashMap<>();
            for (EnumType e : spec.enums().values()) {
                e.values().forEach(v -> seen.put(folded(e.name() + "_" + v.name()), "enum value " + e.name() + "." + v.name()));
            }
            for (Element e : layout.elements()) {
                identifier(Problems.label(e), e.name(), problems);
                String first = seen.putIfAbsent(folded(e.name()), Problems.label(e));
                if (first != null) {
                    problems.add(e, "duplicate-name", "clashes with " + first + " on " + layout.vendor().id()
                            + " (names must differ in more than letter case and underscores, which generated code drops)");
                }
                if (e instanceof Field f) {
                    // The Java runtime names a field's accessors get_<field> and with_<field>.
                    for (String accessor : List.of("get_" + f.name(), "with_" + f.name())) {
                        String other = seen.putIfAbsent(folded(accessor), "the accessor " + accessor + " of field " + f.name());
                        if (other != null) {
                            problems.add(e, "duplicate-name", "its accessor " + accessor + " clashes with " + other + " on "
                                    + layout.vendor().id());
                        }
                    }
                }
                if (e instanceof Function f) {
                    Map<String, String> args = new HashMap<>();
                    for (Arg a : f.args()) {
                        identifier(Problems.label(e), a.name(), problems);
                        if (folded(a.name()).equals(folded(Invariant.RESULT))) {
                            problems.add(e, "name", "argument '" + a.name() + "' clashes with '" + Invariant.RESULT
                                    + "', the name call invariants give the function's value");
                        }
                        String prev = args.putIfAbsent(folded(a.name()), a.name());
                        if (prev != null && !prev.equals(a.name())) {
                            problems.add(e, "duplicate-name", "arguments " + prev + " and " + a.name()
                                    + " differ only in letter case and underscores");
                        }
                    }
                }
            }
        }
    }

    /** The name as generated code may spell it: without underscores, in one case. */
    private static String folded(String name) {
        return name.replace("_", "").toUpperCase(Locale.ROOT);
    }

    private static void identifier(String element, String name, Problems problems) {
        if (!IDENTIFIER.matcher(name).matches()) {
            problems.add(element, "name", "'" + name + "' is not an identifier (letters, digits, _)");
        } else if (RESERVED.contains(name) || RESERVED.contains(JavaSpelling.camel(name))) {
            problems.add(element, "name", "'" + name + "' is a reserved word of C or Java, which generated code uses");
        }
    }

    /** Keywords of C (C11) and Java, and the literals of both. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "auto", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "extern", "false", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "inline", "instanceof", "int", "interface", "long",
            "native", "new", "null", "package", "private", "protected", "public", "register", "restrict", "return",
            "short", "signed", "sizeof", "static", "strictfp", "struct", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "true", "try", "typedef", "union", "unsigned", "var", "void", "volatile",
            "while", "bool", "_Bool", "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
            "_Thread_local", "yield", "record", "sealed", "permits");
}
