package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * A named value of the layout, under the kernel's own name ({@code SPTE_MMU_PRESENT_MASK},
 * {@code shadow_mmio_value}, ...). Its value may depend on parameters and other constants.
 */
public record Constant(String name, Kind kind, Expr value, String doc) implements Element {

    /** How the value is read and shown. */
    public enum Kind {
        /** A set of bits: shown in hex and as a bit list. */
        MASK,
        /** A whole SPTE value (a marker such as FROZEN_SPTE): shown in hex and as a bit list. */
        VALUE,
        /** A count or bit number (a shift, a width): shown in decimal. */
        NUMBER,
        /** A boolean (the kernel's {@code enable_mmio_caching}, {@code kvm_ad_enabled}). */
        FLAG
    }

    public Constant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(doc, "doc");
    }

    @Override
    public String elementKind() {
        return "constant";
    }

    public Type type() {
        return kind == Kind.FLAG ? Type.BOOL : Type.U64;
    }

    public Constant withValue(Expr newValue) {
        return new Constant(name, kind, newValue, doc);
    }

    public Constant withDoc(String newDoc) {
        return new Constant(name, kind, value, newDoc);
    }

    public Constant withName(String newName) {
        return new Constant(newName, kind, value, doc);
    }
}
