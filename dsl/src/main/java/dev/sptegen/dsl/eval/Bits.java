package dev.sptegen.dsl.eval;

import java.util.ArrayList;
import java.util.List;

/** Small facts about 64-bit words, written once. */
public final class Bits {
    private Bits() {
    }

    /** Bits {@code low..high} inclusive; requires {@code 0 <= low <= high <= 63}. */
    public static long range(int high, int low) {
        if (low < 0 || high > 63 || low > high) {
            throw new EvalException("GENMASK(" + high + ", " + low + ") is not a range of bits 0..63");
        }
        long ones = high == 63 ? -1L : (1L << (high + 1)) - 1;
        return ones & (-1L << low);
    }

    /** {@code 0x0000000000000800}: sixteen hex digits, as the kernel prints SPTEs. */
    public static String hex16(long value) {
        return String.format("0x%016x", value);
    }

    /** {@code 0x800}: the shortest hex spelling. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The set bits as a list of numbers and ranges: {@code 3-10,52-62}; {@code none} for 0. */
    public static String list(long value) {
        if (value == 0) {
            return "none";
        }
        List<String> runs = new ArrayList<>();
        int bit = 0;
        while (bit < 64) {
            if ((value >>> bit & 1) == 0) {
                bit++;
                continue;
            }
            int start = bit;
            while (bit < 64 && (value >>> bit & 1) != 0) {
                bit++;
            }
            runs.add(start == bit - 1 ? Integer.toString(start) : start + "-" + (bit - 1));
        }
        return String.join(",", runs);
    }
}
