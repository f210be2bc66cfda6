package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * The values an argument can take. Domains tell the validator and the generated tests which inputs
 * to enumerate; they are not checked at run time by the generated code.
 */
public sealed interface ArgDomain {

    Type type();

    /** Any 64-bit word, e.g. an SPTE read from a page table. */
    record Word() implements ArgDomain {
        @Override
        public Type type() {
            return Type.U64;
        }
    }

    /**
     * The values {@code 0 .. 2^width - 1}. An address-like argument (a PFN or GFN) is wide; tests
     * sample it instead of enumerating it.
     */
    record Bits(Expr width, boolean address) implements ArgDomain {
        public Bits {
            Objects.requireNonNull(width, "width");
        }

        @Override
        public Type type() {
            return Type.U64;
        }
    }

    /** The integers {@code min .. max} inclusive (a paging level). */
    record Range(long min, long max) implements ArgDomain {
        @Override
        public Type type() {
            return Type.U64;
        }
    }

    /** A boolean. */
    record Flag() implements ArgDomain {
        @Override
        public Type type() {
            return Type.BOOL;
        }
    }

    /** The named codes of an enumeration. */
    record OfEnum(String enumName) implements ArgDomain {
        public OfEnum {
            Objects.requireNonNull(enumName, "enumName");
        }

        @Override
        public Type type() {
            return Type.U64;
        }
    }

    /** The SPTEs that the makers of a view produce (e.g. the input of mark_spte_for_access_track). */
    record Produced(String view) implements ArgDomain {
        public Produced {
            Objects.requireNonNull(view, "view");
        }

        @Override
        public Type type() {
            return Type.U64;
        }
    }
}
