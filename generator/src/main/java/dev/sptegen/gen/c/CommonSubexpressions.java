package dev.sptegen.gen.c;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.ExprWalker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulls repeated big sub-expressions of a function body into local variables. Specialization
 * copies a value into both branches of a condition (make_spte's "prefetch ? track(spte) : spte"),
 * which doubles the text and nests it too deep for 100 columns; a local keeps it once. Bodies are
 * pure, so evaluating a local that only one branch needs changes no result.
 */
final class CommonSubexpressions {
    /** Sub-expressions smaller than this many nodes stay inline. */
    private static final int MIN_NODES = 12;
    private static final int MAX_LOCALS = 4;

    /** A local variable: its name and the expression it holds. */
    record Local(String name, Expr value) {
    }

    /** The body rewritten to use the locals, and the locals in the order they must be declared. */
    record Result(List<Local> locals, Expr body) {
    }

    private CommonSubexpressions() {
    }

    static Result extract(Expr body, String prefix) {
        List<Local> locals = new ArrayList<>();
        Expr current = body;
        for (int i = 0; i < MAX_LOCALS; i++) {
            Expr best = largestRepeated(current, locals);
            if (best == null) {
                break;
            }
            String name = prefix + i;
            Expr replaced = replace(current, best, new Expr.ArgRef(name));
            List<Local> rewritten = new ArrayList<>();
            for (Local l : locals) {
                rewritten.add(new Local(l.name(), replace(l.value(), best, new Expr.ArgRef(name))));
            }
            // The new local may use earlier ones, so it is declared after them.
            rewritten.add(new Local(name, best));
            locals = rewritten;
            current = replaced;
        }
        return new Result(orderByUse(locals), current);
    }

    /** Locals sorted so each one is declared after the locals it reads. */
    private static List<Local> orderByUse(List<Local> locals) {
        List<Local> out = new ArrayList<>();
        List<Local> left = new ArrayList<>(locals);
        while (!left.isEmpty()) {
            for (int i = 0; i < left.size(); i++) {
                Local l = left.get(i);
                boolean ready = left.stream().noneMatch(o -> o != l && reads(l.value(), o.name()));
                if (ready) {
                    out.add(l);
                    left.remove(i);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean reads(Expr e, String name) {
        boolean[] found = {false};
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                found[0] |= x instanceof Expr.ArgRef a && a.name().equals(name);
            }
        }.walk(e);
        return found[0];
    }

    private static Expr largestRepeated(Expr body, List<Local> locals) {
        Map<Expr, Integer> counts = new HashMap<>();
        count(body, counts);
        for (Local l : locals) {
            count(l.value(), counts);
        }
        Expr best = null;
        int bestSize = 0;
        for (Map.Entry<Expr, Integer> e : counts.entrySet()) {
            int size = size(e.getKey());
            if (e.getValue() >= 2 && size >= MIN_NODES && (size > bestSize
                    || size == bestSize && e.getKey().toString().compareTo(best.toString()) < 0)) {
                best = e.getKey();
                bestSize = size;
            }
        }
        return best;
    }

    private static void count(Expr e, Map<Expr, Integer> counts) {
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.Binary || x instanceof Expr.Cond || x instanceof Expr.Call) {
                    counts.merge(x, 1, Integer::sum);
                }
            }
        }.walk(e);
    }

    static int size(Expr e) {
        int[] n = {0};
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                n[0]++;
            }
        }.walk(e);
        return n[0];
    }

    private static Expr replace(Expr in, Expr target, Expr with) {
        return new ExprTransformer() {
            @Override
            public Expr binary(Expr.Binary e) {
                return e.equals(target) ? with : super.binary(e);
            }

            @Override
            public Expr cond(Expr.Cond e) {
                return e.equals(target) ? with : super.cond(e);
            }

            @Override
            public Expr call(Expr.Call e) {
                return e.equals(target) ? with : super.call(e);
            }
        }.transform(in);
    }
}
