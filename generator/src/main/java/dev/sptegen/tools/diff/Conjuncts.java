package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A precondition as a list of conditions joined by {@code &&}, so that a rewritten precondition is
 * shown as the conditions it lost and gained rather than as two long expressions.
 */
final class Conjuncts {
    private Conjuncts() {
    }

    /** {@code requires dropped} / {@code requires added} deltas; none if the conditions are the same text. */
    static List<Delta> diff(Equivalence eq, Optional<Expr> before, Optional<Expr> after) {
        List<Expr> a = before.map(Conjuncts::split).orElse(List.of());
        List<Expr> b = after.map(Conjuncts::split).orElse(List.of());
        List<String> dropped = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Expr x : a) {
            if (b.stream().noneMatch(y -> eq.sameText(x, y))) {
                dropped.add(text(x));
            }
        }
        for (Expr y : b) {
            if (a.stream().noneMatch(x -> eq.sameText(x, y))) {
                added.add(text(y));
            }
        }
        List<Delta> out = new ArrayList<>();
        if (!dropped.isEmpty()) {
            out.add(new Delta("requires dropped", String.join(" && ", dropped), ""));
        }
        if (!added.isEmpty()) {
            out.add(new Delta("requires added", "", String.join(" && ", added)));
        }
        return out;
    }

    /** One condition, parenthesized when it would not survive being joined with {@code &&}. */
    private static String text(Expr e) {
        String s = ExprPrinter.print(e);
        boolean loose = e instanceof Expr.Cond || e instanceof Expr.Binary b && b.op() == BinaryOp.LOR;
        return loose ? "(" + s + ")" : s;
    }

    private static List<Expr> split(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.LAND) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else {
            out.add(e);
        }
    }
}
