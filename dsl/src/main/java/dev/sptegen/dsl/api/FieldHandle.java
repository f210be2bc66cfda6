package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.BitRange;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Field;
import java.util.ArrayList;
import java.util.List;

/** Completes a field declaration. Each {@link #bits} call adds a part, least significant part first. */
public final class FieldHandle {
    private final LayoutScope scope;
    private final String name;
    private boolean partsGiven;

    FieldHandle(LayoutScope scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    /** Bits {@code low..high}. */
    public FieldHandle bits(int low, int high) {
        return part(BitRange.of(low, high));
    }

    /** Bits {@code low..high} where an end depends on parameters. */
    public FieldHandle bits(Expr low, Expr high) {
        return part(new BitRange(low, high));
    }

    public FieldHandle bit(int bit) {
        return bits(bit, bit);
    }

    private FieldHandle part(BitRange range) {
        // A redefinition states the whole new placement, so its first part replaces the old ones.
        boolean replace = !partsGiven && scope.redefining();
        partsGiven = true;
        scope.update(name, Field.class, f -> {
            List<BitRange> parts = replace ? new ArrayList<>() : new ArrayList<>(f.parts());
            parts.add(range);
            return f.withParts(parts);
        });
        scope.defined(name);
        return this;
    }

    /** Declared total width; validation checks that the parts add up to it. */
    public FieldHandle width(int width) {
        return width(new Expr.Lit(width));
    }

    public FieldHandle width(Expr width) {
        scope.update(name, Field.class, f -> f.withWidth(width));
        return this;
    }

    /** Ignored by the hardware; KVM's own state. */
    public FieldHandle software() {
        scope.update(name, Field.class, f -> f.withRole(Field.Role.SOFTWARE));
        return this;
    }

    /** Interpreted by the hardware (the default). */
    public FieldHandle hardware() {
        scope.update(name, Field.class, f -> f.withRole(Field.Role.HARDWARE));
        return this;
    }

    /** Physical-address bits. */
    public FieldHandle address() {
        scope.update(name, Field.class, f -> f.withRole(Field.Role.ADDRESS));
        return this;
    }

    /** The field holds codes of an enumeration. */
    public FieldHandle enumOf(String enumName) {
        scope.update(name, Field.class, f -> f.withEnumType(enumName));
        return this;
    }

    public FieldHandle doc(String doc) {
        scope.update(name, Field.class, f -> f.withDoc(doc));
        return this;
    }
}
