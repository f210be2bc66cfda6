package dev.sptegen.tools.decode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code sptegen decode} tells a person about one SPTE value, computed before anything is
 * printed.
 *
 * @param view the view that classifies the value (first matching predicate), if any
 * @param viewHasFields whether the view names fields (marker views such as frozen do not)
 * @param bits every set bit, highest first, with the fields covering it
 * @param unknownBits set bits no field of the layout covers
 * @param outsideView set bits no field of the view covers (empty when the view names no fields)
 * @param fields the values of the view's fields (or of every non-zero field when no view applies)
 * @param invariants the value invariants of the view, evaluated on this value
 * @param extras values the view's own helpers read out (the MMIO generation and GFN)
 */
public record SpteReading(long value, String spec, String profile, String vendor, long level,
                          Optional<ViewName> view, boolean viewHasFields, List<SetBit> bits, long unknownBits,
                          long outsideView, List<FieldValue> fields, List<InvariantResult> invariants,
                          Hardware hardware, List<NamedValue> extras, List<NamedValue> helpers) {

    /** A view and its doc. */
    public record ViewName(String name, String doc) {
    }

    /** One set bit and the fields it belongs to. */
    public record SetBit(int bit, List<Owner> owners) {
        public SetBit {
            owners = List.copyOf(owners);
        }
    }

    /**
     * A field covering a bit: {@code memtype[2]} is bit 2 of the memtype value.
     *
     * @param inView the field is one of the view's fields
     */
    public record Owner(String field, int index, int width, String role, boolean inView) {
        /** {@code accessed} for a one-bit field, else {@code memtype[2]}. */
        public String label() {
            return width == 1 ? field : field + "[" + index + "]";
        }
    }

    /** A field's value: {@code memtype 0x6 WB}. */
    public record FieldValue(String name, String bits, String role, String value, Optional<String> meaning) {
        public FieldValue {
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /** An invariant evaluated on the value; {@code error} when it cannot be evaluated. */
    public record InvariantResult(String name, String scope, boolean holds, Optional<String> error, String doc) {
    }

    /**
     * What the hardware makes of the entry at this level.
     *
     * @param facts yes/no facts (hw_present, hw_misconfig)
     * @param reserved the reserved bits of a present entry at this level, if the spec says
     * @param outcomes the outcome of each kind of access
     */
    public record Hardware(List<NamedValue> facts, Optional<Long> reserved, List<NamedValue> outcomes) {
        public Hardware {
            facts = List.copyOf(facts);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** A named result: {@code READ -> EPT_VIOLATION}, {@code is_mmio_spte -> false}. */
    public record NamedValue(String name, String value) {
    }

    public SpteReading {
        Objects.requireNonNull(view, "view");
        bits = List.copyOf(bits);
        fields = List.copyOf(fields);
        invariants = List.copyOf(invariants);
        extras = List.copyOf(extras);
        helpers = List.copyOf(helpers);
    }
}
