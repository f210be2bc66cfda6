package dev.sptegen.dsl.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete, immutable description of one SPTE layout era (e.g. {@code kvm-6.10}): parameters,
 * enumerations, one layout per vendor and the profiles to generate. Specs are values: two specs
 * can be compared element by element.
 *
 * @param kernel the first kernel release with this layout
 * @param parent the spec this one was derived from, if any
 */
public record Spec(String name, String kernel, String summary, Optional<String> parent,
                   Map<String, Parameter> parameters, Map<String, EnumType> enums,
                   Map<Vendor, Layout> layouts, Map<String, Profile> profiles) {

    public Spec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(parent, "parent");
        parameters = Ordered.copy(parameters);
        enums = Ordered.copy(enums);
        layouts = Ordered.copy(layouts);
        profiles = Ordered.copy(profiles);
    }

    public Layout layout(Vendor vendor) {
        Layout layout = layouts.get(vendor);
        if (layout == null) {
            throw new IllegalArgumentException("spec " + name + " has no " + vendor.id() + " layout");
        }
        return layout;
    }

    public Layout layout(Profile profile) {
        return layout(profile.vendor());
    }

    public Profile profile(String profileName) {
        Profile p = profiles.get(profileName);
        if (p == null) {
            throw new IllegalArgumentException("spec " + name + " has no profile '" + profileName
                    + "' (it has: " + String.join(", ", profiles.keySet()) + ")");
        }
        return p;
    }

    /** Every parameter's value in a profile: its binding, else its default. */
    public Map<String, Long> parameterValues(Profile profile) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Parameter p : parameters.values()) {
            values.put(p.name(), profile.bindings().getOrDefault(p.name(), p.defaultValue()));
        }
        return values;
    }
}
