package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.Map;

/** Parameters have sane ranges and defaults; profiles name a known vendor and bind known parameters in range. */
final class ProfileRule {
    private ProfileRule() {
    }

    static void check(Spec spec, Problems problems) {
        for (Parameter p : spec.parameters().values()) {
            String element = "parameter " + p.name();
            if (p.min() > p.max()) {
                problems.add(element, "parameter-range", "range " + p.min() + ".." + p.max() + " is empty");
            } else if (!p.accepts(p.defaultValue())) {
                problems.add(element, "parameter-range", "default " + p.format(p.defaultValue())
                        + " is outside " + p.min() + ".." + p.max());
            }
        }
        if (spec.profiles().isEmpty()) {
            problems.add("spec " + spec.name(), "profile", "declares no profiles; nothing can be generated");
        }
        for (Profile profile : spec.profiles().values()) {
            String element = "profile " + profile.name();
            if (!spec.layouts().containsKey(profile.vendor())) {
                problems.add(element, "unknown-reference", "uses vendor " + profile.vendor().id()
                        + ", which has no layout in this spec");
            }
            for (Map.Entry<String, Long> b : profile.bindings().entrySet()) {
                Parameter p = spec.parameters().get(b.getKey());
                if (p == null) {
                    problems.add(element, "unknown-reference", "binds unknown parameter '" + b.getKey() + "'");
                } else if (!p.accepts(b.getValue())) {
                    problems.add(element, "parameter-range", "binds " + p.name() + " = " + p.format(b.getValue())
                            + ", outside " + p.min() + ".." + p.max());
                }
            }
        }
    }
}
