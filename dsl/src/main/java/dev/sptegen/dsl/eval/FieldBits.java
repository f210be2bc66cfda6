package dev.sptegen.dsl.eval;

import java.util.List;

/**
 * A field's bit ranges with their ends evaluated for one profile.
 *
 * @param parts ranges, least significant part of the value first
 */
public record FieldBits(String name, List<Part> parts) {

    /** Bits {@code low..high} of the word. */
    public record Part(int low, int high) {
        public int width() {
            return high - low + 1;
        }

        public long mask() {
            return Bits.range(high, low);
        }

        @Override
        public String toString() {
            return low == high ? Integer.toString(low) : low + "-" + high;
        }
    }

    public FieldBits {
        parts = List.copyOf(parts);
    }

    public int width() {
        return parts.stream().mapToInt(Part::width).sum();
    }

    public long mask() {
        long m = 0;
        for (Part p : parts) {
            m |= p.mask();
        }
        return m;
    }

    /** The field's value in a word. */
    public long get(long word) {
        long value = 0;
        int offset = 0;
        for (Part p : parts) {
            value |= ((word & p.mask()) >>> p.low()) << offset;
            offset += p.width();
        }
        return value;
    }

    /** The word with the field replaced by the low bits of {@code value}. */
    public long put(long word, long value) {
        long out = word & ~mask();
        int offset = 0;
        for (Part p : parts) {
            out |= ((value >>> offset) << p.low()) & p.mask();
            offset += p.width();
        }
        return out;
    }
}
