package dev.sptegen.dsl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named group of bits of the SPTE. A field may be split over several ranges (the MMIO
 * generation); its value is the concatenation of the parts, the first part holding the least
 * significant bits.
 *
 * @param width the declared total width, checked against the parts when present
 * @param enumType the enumeration whose codes the field holds, if any
 */
public record Field(String name, Role role, List<BitRange> parts, Optional<Expr> width,
                    Optional<String> enumType, String doc) implements Element {

    /** Who gives the bits their meaning. */
    public enum Role {
        /** Interpreted by the hardware walker. */
        HARDWARE,
        /** Ignored by the hardware and used by KVM for its own state. */
        SOFTWARE,
        /** Hardware physical-address bits; wide, so tests sample them instead of enumerating. */
        ADDRESS
    }

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(enumType, "enumType");
        Objects.requireNonNull(doc, "doc");
    }

    @Override
    public String elementKind() {
        return "field";
    }

    public Field withParts(List<BitRange> newParts) {
        return new Field(name, role, newParts, width, enumType, doc);
    }

    public Field withRole(Role newRole) {
        return new Field(name, newRole, parts, width, enumType, doc);
    }

    public Field withWidth(Expr newWidth) {
        return new Field(name, role, parts, Optional.of(newWidth), enumType, doc);
    }

    public Field withEnumType(String newEnumType) {
        return new Field(name, role, parts, width, Optional.of(newEnumType), doc);
    }

    public Field withDoc(String newDoc) {
        return new Field(name, role, parts, width, enumType, newDoc);
    }

    public Field withName(String newName) {
        return new Field(newName, role, parts, width, enumType, doc);
    }
}
