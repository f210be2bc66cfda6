package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Expr;
import java.util.Arrays;

/**
 * Static factories for writing specs; meant to be imported with {@code import static}. Names follow
 * the kernel's spelling where one exists ({@code bit} for {@code BIT_ULL}, {@code genmask} for
 * {@code GENMASK_ULL}).
 */
public final class Dsl {
    private Dsl() {
    }

    public static final Expr TRUE = new Expr.BoolLit(true);
    public static final Expr FALSE = new Expr.BoolLit(false);

    /** The SPTE argument every predicate, extractor and transform takes. */
    public static final Expr SPTE = arg("spte");

    public static Expr lit(long value) {
        return new Expr.Lit(value);
    }

    /** {@code BIT_ULL(n)}; a bit number outside 0..63 is reported by validation. */
    public static Expr bit(int n) {
        return lit(1).shl(n);
    }

    /** {@code BIT_ULL(n)} for a computed bit number. */
    public static Expr bit(Expr n) {
        return lit(1).shl(n);
    }

    /** {@code GENMASK_ULL(high, low)}: bits low..high inclusive. */
    public static Expr genmask(int high, int low) {
        return new Expr.Genmask(lit(high), lit(low));
    }

    public static Expr genmask(Expr high, Expr low) {
        return new Expr.Genmask(high, low);
    }

    /** A named constant of the layout. */
    public static Expr c(String name) {
        return new Expr.ConstRef(name);
    }

    /** A parameter of the spec. */
    public static Expr p(String name) {
        return new Expr.ParamRef(name);
    }

    /** An argument of the enclosing function, view or invariant. */
    public static Expr arg(String name) {
        return new Expr.ArgRef(name);
    }

    public static Expr call(String function, Expr... args) {
        return new Expr.Call(function, Arrays.asList(args));
    }

    /** The value of a field in a word. */
    public static Expr get(String field, Expr word) {
        return new Expr.FieldGet(field, word);
    }

    /** The word with a field set to a value. */
    public static Expr put(String field, Expr word, Expr value) {
        return new Expr.FieldPut(field, word, value);
    }

    /** A word that is 0 except for a field holding a value ({@code FIELD_PREP}). */
    public static Expr prep(String field, Expr value) {
        return put(field, lit(0), value);
    }

    /** The mask of a field's bits. */
    public static Expr maskOf(String field) {
        return new Expr.FieldMask(field);
    }

    public static Expr enumValue(String enumName, String valueName) {
        return new Expr.EnumLit(enumName, valueName);
    }

    public static Expr when(Expr test, Expr then, Expr otherwise) {
        return new Expr.Cond(test, then, otherwise);
    }

    public static Expr not(Expr e) {
        return e.negated();
    }

    /** Logical and of all operands, left to right. */
    public static Expr allOf(Expr first, Expr... rest) {
        Expr e = first;
        for (Expr r : rest) {
            e = e.andAlso(r);
        }
        return e;
    }

    /** Logical or of all operands, left to right. */
    public static Expr anyOf(Expr first, Expr... rest) {
        Expr e = first;
        for (Expr r : rest) {
            e = e.orElse(r);
        }
        return e;
    }

    /** Bitwise or of all operands, left to right. */
    public static Expr or(Expr first, Expr... rest) {
        Expr e = first;
        for (Expr r : rest) {
            e = e.or(r);
        }
        return e;
    }

    // ---- arguments ----

    /** The SPTE argument: any 64-bit word. */
    public static Arg spte() {
        return word("spte");
    }

    public static Arg word(String name) {
        return new Arg(name, new ArgDomain.Word());
    }

    /** A word of {@code width} bits. */
    public static Arg bits(String name, Expr width) {
        return new Arg(name, new ArgDomain.Bits(width, false));
    }

    public static Arg bits(String name, int width) {
        return bits(name, lit(width));
    }

    /** A wide address-like word of {@code width} bits (a PFN or GFN): sampled, not enumerated. */
    public static Arg address(String name, Expr width) {
        return new Arg(name, new ArgDomain.Bits(width, true));
    }

    public static Arg flag(String name) {
        return new Arg(name, new ArgDomain.Flag());
    }

    public static Arg range(String name, long min, long max) {
        return new Arg(name, new ArgDomain.Range(min, max));
    }

    public static Arg oneOf(String name, String enumName) {
        return new Arg(name, new ArgDomain.OfEnum(enumName));
    }

    /** An SPTE produced by the makers of a view. */
    public static Arg produced(String name, String view) {
        return new Arg(name, new ArgDomain.Produced(view));
    }
}
