package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Spec;
import java.util.HashSet;
import java.util.Set;

/** Enumerations have a width of 1..63 bits, at least one value, and unique names and codes that fit. */
final class EnumRule {
    private EnumRule() {
    }

    static void check(Spec spec, Problems problems) {
        for (EnumType e : spec.enums().values()) {
            String element = "enum " + e.name();
            if (e.width() < 1 || e.width() > 63) {
                problems.add(element, "enum-width", "width " + e.width() + " is outside 1..63");
                continue;
            }
            if (e.values().isEmpty()) {
                problems.add(element, "enum-width", "has no values");
            }
            Set<String> names = new HashSet<>();
            Set<Long> codes = new HashSet<>();
            for (EnumType.Value v : e.values()) {
                if (v.code() < 0 || v.code() >>> e.width() != 0) {
                    problems.add(element, "enum-width", "value " + v.name() + " = " + Bits.hex(v.code())
                            + " does not fit in " + e.width() + " bit(s)");
                }
                if (!names.add(v.name())) {
                    problems.add(element, "duplicate-name", "value " + v.name() + " is declared twice");
                }
                if (!codes.add(v.code())) {
                    problems.add(element, "duplicate-name", "code " + v.code() + " is used twice (again by " + v.name() + ")");
                }
            }
        }
    }
}
