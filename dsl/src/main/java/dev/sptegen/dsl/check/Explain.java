package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.ExprWalker;
import java.util.LinkedHashSet;
import java.util.Set;

/** Explains a false claim with the values at fault, in the kernel's terms. */
final class Explain {
    private Explain() {
    }

    /** The explanation, or null if the claim holds. */
    static String ifFalse(Interpreter in, Claim claim, Frame frame) {
        if (claim instanceof Claim.Disjoint d) {
            long a = in.eval(d.a(), frame);
            long b = in.eval(d.b(), frame);
            if ((a & b) == 0) {
                return null;
            }
            return named(d.a(), a) + " sets " + bitWord(a & b) + " " + Bits.list(a & b) + " (" + ExprPrinter.print(d.b()) + ")";
        } else if (claim instanceof Claim.Subset s) {
            long a = in.eval(s.a(), frame);
            long of = in.eval(s.of(), frame);
            if ((a & ~of) == 0) {
                return null;
            }
            return named(s.a(), a) + " sets " + bitWord(a & ~of) + " " + Bits.list(a & ~of) + " outside "
                    + named(s.of(), of);
        } else if (claim instanceof Claim.Equal e) {
            long a = in.eval(e.a(), frame);
            long b = in.eval(e.b(), frame);
            if (a == b) {
                return null;
            }
            return named(e.a(), a) + " != " + named(e.b(), b);
        }
        Expr c = ((Claim.Holds) claim).condition();
        if (in.eval(c, frame) != 0) {
            return null;
        }
        String where = values(in, c);
        return ExprPrinter.print(c) + " is false" + (where.isEmpty() ? "" : " where " + where);
    }

    private static String bitWord(long bits) {
        return Long.bitCount(bits) == 1 ? "bit" : "bits";
    }

    private static String named(Expr e, long value) {
        String text = ExprPrinter.print(e);
        String hex = Bits.hex(value);
        return text.equals(hex) ? hex : text + " (" + hex + ")";
    }

    /** Values of the constants and parameters the condition reads: {@code A = 0x6, maxphyaddr = 46}. */
    private static String values(Interpreter in, Expr c) {
        Set<String> out = new LinkedHashSet<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.ConstRef r) {
                    out.add(r.name() + " = " + Bits.hex(in.constant(r.name())));
                } else if (x instanceof Expr.ParamRef p) {
                    out.add(p.name() + " = " + in.spec().parameters().get(p.name()).format(in.param(p.name())));
                }
            }
        }.walk(c);
        return String.join(", ", out);
    }
}
