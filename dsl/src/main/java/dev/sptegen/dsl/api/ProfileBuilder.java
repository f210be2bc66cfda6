package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.Profile;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds parameters of a profile declared with {@link SpecBuilder#profile}. */
public final class ProfileBuilder {
    private final SpecBuilder spec;
    private final String name;

    ProfileBuilder(SpecBuilder spec, String name) {
        this.spec = spec;
        this.name = name;
    }

    public ProfileBuilder set(String param, long value) {
        Profile p = spec.profileNamed(name);
        Map<String, Long> bindings = new LinkedHashMap<>(p.bindings());
        bindings.put(param, value);
        spec.replaceProfile(new Profile(p.name(), p.vendor(), bindings, p.doc()));
        return this;
    }

    public ProfileBuilder set(String param, boolean value) {
        return set(param, value ? 1 : 0);
    }
}
