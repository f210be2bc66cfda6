package dev.sptegen.cli;

import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --spec}, {@code --profile} and {@code --param}: picks one profile of one bundled spec. */
public final class SpecOptions {
    @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "A bundled spec, e.g. kvm-6.10 (see: sptegen list).")
    String spec;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "A profile of the spec, e.g. ept or npt.")
    String profile;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Override a parameter of the profile, e.g. --param maxphyaddr=40 (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    /** The spec named by {@code --spec}. */
    public Spec spec() {
        return findSpec(spec);
    }

    /** The profile named by {@code --profile}, with the {@code --param} overrides bound. */
    public Profile profile() {
        Spec s = spec();
        Profile p = s.profiles().get(profile);
        if (p == null) {
            throw new UsageException("spec " + s.name() + " has no profile '" + profile + "' (it has: "
                    + String.join(", ", s.profiles().keySet()) + ")");
        }
        return withParams(s, p, params);
    }

    public static Spec findSpec(String name) {
        return KvmSpecs.byName(name).orElseThrow(() -> new UsageException(
                "unknown spec '" + name + "' (bundled: " + String.join(", ", KvmSpecs.names()) + ")"));
    }

    /** The profile with extra parameter bindings, each checked against the parameter's range. */
    public static Profile withParams(Spec spec, Profile profile, Map<String, String> params) {
        if (params.isEmpty()) {
            return profile;
        }
        Map<String, Long> bindings = new LinkedHashMap<>(profile.bindings());
        for (Map.Entry<String, String> e : params.entrySet()) {
            Parameter p = spec.parameters().get(e.getKey());
            if (p == null) {
                throw new UsageException("spec " + spec.name() + " has no parameter '" + e.getKey() + "' (it has: "
                        + String.join(", ", spec.parameters().keySet()) + ")");
            }
            long value = parseParam(p, e.getValue());
            if (!p.accepts(value)) {
                throw new UsageException("parameter " + p.name() + " = " + e.getValue() + " is outside " + p.min() + ".." + p.max());
            }
            bindings.put(p.name(), value);
        }
        return new Profile(profile.name(), profile.vendor(), bindings, profile.doc());
    }

    private static long parseParam(Parameter p, String text) {
        if (p.kind() == Parameter.Kind.BOOL) {
            if (List.of("true", "1", "y", "yes").contains(text)) {
                return 1;
            } else if (List.of("false", "0", "n", "no").contains(text)) {
                return 0;
            }
            throw new UsageException("parameter " + p.name() + " is a boolean; '" + text + "' is not true or false");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("parameter " + p.name() + " is an integer; '" + text + "' is not");
        }
    }
}
