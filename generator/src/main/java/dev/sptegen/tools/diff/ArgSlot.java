package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.EnumType;
import java.util.Arrays;

/** One argument of a compared subject on one side: which values its domain admits, and how to print them. */
final class ArgSlot {
    private final Arg arg;
    private final long bitsAllowed;
    private final long min;
    private final long max;
    private final long[] codes;
    private final EnumType enumType;

    ArgSlot(Interpreter in, Arg arg) {
        this.arg = arg;
        ArgDomain d = arg.domain();
        long allowed = -1L;
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        long[] enumCodes = null;
        EnumType type = null;
        if (d instanceof ArgDomain.Bits b) {
            long width = in.eval(b.width(), Frame.EMPTY);
            allowed = width >= 64 ? -1L : (1L << width) - 1;
        } else if (d instanceof ArgDomain.Range r) {
            lo = r.min();
            hi = r.max();
        } else if (d instanceof ArgDomain.Flag) {
            lo = 0;
            hi = 1;
        } else if (d instanceof ArgDomain.OfEnum e) {
            type = in.spec().enums().get(e.enumName());
            enumCodes = type.values().stream().mapToLong(EnumType.Value::code).toArray();
        }
        this.bitsAllowed = allowed;
        this.min = lo;
        this.max = hi;
        this.codes = enumCodes;
        this.enumType = type;
    }

    String name() {
        return arg.name();
    }

    boolean admits(long v) {
        if (codes != null) {
            return Arrays.stream(codes).anyMatch(c -> c == v);
        }
        return (v & ~bitsAllowed) == 0 && v >= min && v <= max;
    }

    /** The value an argument the other side lacks is compared at: false, the lowest level, the first code, 0. */
    long neutral() {
        if (codes != null) {
            return codes[0];
        }
        return min == Long.MIN_VALUE ? 0 : min;
    }

    String format(long v) {
        ArgDomain d = arg.domain();
        if (d instanceof ArgDomain.Flag) {
            return Boolean.toString(v != 0);
        } else if (d instanceof ArgDomain.Range) {
            return Long.toString(v);
        } else if (enumType != null) {
            return enumType.nameOf(v);
        }
        return Bits.hex(v);
    }
}
