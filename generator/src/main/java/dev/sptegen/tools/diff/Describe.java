package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Scope;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the report spells values, domains, scopes and claims. */
final class Describe {
    private Describe() {
    }

    /** A constant's value as its kind is read: hex for masks and values, decimal, or true/false. */
    static String value(Constant.Kind kind, long v) {
        return switch (kind) {
            case MASK, VALUE -> Bits.hex(v);
            case NUMBER -> Long.toString(v);
            case FLAG -> Boolean.toString(v != 0);
        };
    }

    static boolean hasBits(Constant.Kind kind) {
        return kind == Constant.Kind.MASK || kind == Constant.Kind.VALUE;
    }

    static String kind(Constant.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static String kind(Function.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** {@code gains bit 63}, {@code loses bits 10, gains bit 62}; empty if no bit moved. */
    static String bitChange(long before, long after) {
        long lost = before & ~after;
        long gained = after & ~before;
        String out = "";
        if (gained != 0) {
            out = "gains " + bitWord(gained) + " " + Bits.list(gained);
        }
        if (lost != 0) {
            out = (out.isEmpty() ? "" : out + ", ") + "loses " + bitWord(lost) + " " + Bits.list(lost);
        }
        return out;
    }

    private static String bitWord(long bits) {
        return Long.bitCount(bits) == 1 ? "bit" : "bits";
    }

    /** {@code make_mmio_spte(gfn, access, gen)}. */
    static String signature(Function f) {
        return f.name() + "(" + f.args().stream().map(Arg::name).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code 34-bit address}, {@code 1..5}, {@code bool}, {@code access_kind}, {@code SPTE of view leaf}. */
    static String domain(Interpreter in, ArgDomain d) {
        if (d instanceof ArgDomain.Word) {
            return "u64";
        } else if (d instanceof ArgDomain.Bits b) {
            String width;
            try {
                width = Long.toString(in.eval(b.width(), Frame.EMPTY));
            } catch (EvalException e) {
                width = ExprPrinter.print(b.width());
            }
            return width + "-bit" + (b.address() ? " address" : "");
        } else if (d instanceof ArgDomain.Range r) {
            return r.min() + ".." + r.max();
        } else if (d instanceof ArgDomain.Flag) {
            return "bool";
        } else if (d instanceof ArgDomain.OfEnum e) {
            return e.enumName();
        }
        return "SPTE of view " + ((ArgDomain.Produced) d).view();
    }

    static String scope(Scope s) {
        if (s instanceof Scope.Constants) {
            return "static (constants only)";
        } else if (s instanceof Scope.EveryValue v) {
            return "every value of view " + v.view();
        } else if (s instanceof Scope.EveryProduced p) {
            return "every value the makers of view " + p.view() + " produce";
        }
        return "every call of " + ((Scope.EveryCall) s).function();
    }

    static String claim(Claim c) {
        return ExprPrinter.print(c.asCondition());
    }

    static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
