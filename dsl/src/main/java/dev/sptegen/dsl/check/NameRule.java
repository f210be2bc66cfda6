package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Spec;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
            Map<String, Element> seen = new HashMap<>();
            for (Element e : layout.elements()) {
                identifier(Problems.label(e), e.name(), problems);
                Element first = seen.putIfAbsent(e.name().toUpperCase(Locale.ROOT), e);
                if (first != null) {
                    problems.add(e, "duplicate-name", "clashes with " + Problems.label(first) + " on "
                            + layout.vendor().id() + " (names must differ in more than letter case)");
                }
            }
        }
    }

    private static void identifier(String element, String name, Problems problems) {
        if (!IDENTIFIER.matcher(name).matches()) {
            problems.add(element, "name", "'" + name + "' is not an identifier (letters, digits, _)");
        }
    }
}
