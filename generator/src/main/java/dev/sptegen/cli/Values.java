package dev.sptegen.cli;

import java.math.BigInteger;
import java.util.Locale;

/** Parses the values people type: SPTEs in hex, as printed by the kernel. */
public final class Values {
    private Values() {
    }

    /**
     * A 64-bit value in hex, with or without 0x ({@code 0x8000000000000000}, {@code 23d0e67});
     * {@code 0d} for decimal ({@code 0d42}).
     */
    public static long parseWord(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        int radix = 16;
        if (t.startsWith("0x")) {
            t = t.substring(2);
        } else if (t.startsWith("0d")) {
            t = t.substring(2);
            radix = 10;
        }
        final int base = radix;
        if (t.isEmpty() || !t.chars().allMatch(ch -> Character.digit(ch, base) >= 0)) {
            throw new UsageException("malformed value '" + text + "': expected hex such as 0x8000000000000000");
        }
        BigInteger v = new BigInteger(t, radix);
        if (v.bitLength() > 64) {
            throw new UsageException("value '" + text + "' is wider than 64 bits (" + v.bitLength() + " bits)");
        }
        return v.longValue();
    }
}
