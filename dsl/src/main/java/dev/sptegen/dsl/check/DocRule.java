package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;

/** Every declaration says why it exists: the reason goes next to the bit, as in spte.h. */
final class DocRule {
    private DocRule() {
    }

    static void check(Spec spec, Problems problems) {
        if (spec.summary().isBlank()) {
            problems.add("spec " + spec.name(), "missing-doc", "has no summary");
        }
        for (Parameter p : spec.parameters().values()) {
            require(p.doc(), "parameter " + p.name(), problems);
        }
        for (EnumType e : spec.enums().values()) {
            require(e.doc(), "enum " + e.name(), problems);
        }
        for (Profile p : spec.profiles().values()) {
            require(p.doc(), "profile " + p.name(), problems);
        }
        for (Layout layout : spec.layouts().values()) {
            for (Element e : layout.elements()) {
                require(e.doc(), Problems.label(e), problems);
            }
        }
    }

    private static void require(String doc, String element, Problems problems) {
        if (doc.isBlank()) {
            problems.add(element, "missing-doc", "has no doc; say what it is and why");
        }
    }
}
