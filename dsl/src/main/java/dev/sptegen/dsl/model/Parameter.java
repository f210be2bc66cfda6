package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * A knob of the host or of KVM that the layout depends on (MAXPHYADDR, EPT A/D bits, ...). Profiles
 * bind parameters; unbound parameters take their default.
 */
public record Parameter(String name, Kind kind, long min, long max, long defaultValue, String doc) {

    public enum Kind {
        BOOL(Type.BOOL),
        INT(Type.U64);

        private final Type type;

        Kind(Type type) {
            this.type = type;
        }

        public Type type() {
            return type;
        }
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(doc, "doc");
    }

    public static Parameter bool(String name, boolean defaultValue, String doc) {
        return new Parameter(name, Kind.BOOL, 0, 1, defaultValue ? 1 : 0, doc);
    }

    public static Parameter integer(String name, long min, long max, long defaultValue, String doc) {
        return new Parameter(name, Kind.INT, min, max, defaultValue, doc);
    }

    public Type type() {
        return kind.type();
    }

    public boolean accepts(long value) {
        return value >= min && value <= max;
    }

    /** The value as written in specs and messages: {@code true}/{@code false} or decimal. */
    public String format(long value) {
        return kind == Kind.BOOL ? Boolean.toString(value != 0) : Long.toString(value);
    }
}
