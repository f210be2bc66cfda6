package dev.sptegen.dsl.model;

import java.util.Map;
import java.util.Objects;

/**
 * One configuration of a vendor's MMU (e.g. EPT without A/D bits): a vendor plus parameter values
 * that differ from the defaults.
 */
public record Profile(String name, Vendor vendor, Map<String, Long> bindings, String doc) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        bindings = Ordered.copy(bindings);
        Objects.requireNonNull(doc, "doc");
    }
}
