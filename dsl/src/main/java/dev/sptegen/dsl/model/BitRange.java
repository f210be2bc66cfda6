package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * Bits {@code low..high} inclusive of a 64-bit word. The ends are expressions so that a range can
 * depend on a parameter (the physical-address bits end at MAXPHYADDR - 1).
 */
public record BitRange(Expr low, Expr high) {

    public BitRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    public static BitRange of(int low, int high) {
        return new BitRange(new Expr.Lit(low), new Expr.Lit(high));
    }

    public static BitRange bit(int bit) {
        return of(bit, bit);
    }
}
