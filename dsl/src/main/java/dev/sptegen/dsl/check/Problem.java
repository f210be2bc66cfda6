package dev.sptegen.dsl.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a spec: where it is (spec, profile, element), which rule it breaks and a
 * message that names the bits and values at fault.
 *
 * @param profile the profile the problem shows up in, when it depends on parameter values
 * @param element the element at fault, as "kind name" (e.g. "constant FROZEN_SPTE"), or the spec itself
 * @param rule a short stable identifier of the broken rule (e.g. "static-invariant")
 */
public record Problem(String spec, Optional<String> profile, String element, String rule, String message) {

    public Problem {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code kvm-6.10/ept: constant FROZEN_SPTE: <message> [static-invariant]}. */
    @Override
    public String toString() {
        return spec + profile.map(p -> "/" + p).orElse("") + ": " + element + ": " + message + " [" + rule + "]";
    }
}
