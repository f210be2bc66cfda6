package dev.sptegen.dsl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of named codes of a given width, e.g. the EPT memory types. Codes of the width that have
 * no name are illegal values (EPT memtypes 2, 3 and 7).
 */
public record EnumType(String name, int width, List<Value> values, String doc) {

    /** One named code. */
    public record Value(String name, long code, String doc) {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(doc, "doc");
        }
    }

    public EnumType {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        Objects.requireNonNull(doc, "doc");
    }

    public Optional<Value> byName(String valueName) {
        return values.stream().filter(v -> v.name().equals(valueName)).findFirst();
    }

    public Optional<Value> byCode(long code) {
        return values.stream().filter(v -> v.code() == code).findFirst();
    }

    /** Name of a code, or {@code illegal(n)} for a code without a name. */
    public String nameOf(long code) {
        return byCode(code).map(Value::name).orElse("illegal(" + code + ")");
    }
}
