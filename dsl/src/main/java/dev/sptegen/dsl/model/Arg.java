package dev.sptegen.dsl.model;

import java.util.Objects;

/** A named, typed argument of a function. */
public record Arg(String name, ArgDomain domain) {

    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
    }

    public Type type() {
        return domain.type();
    }
}
