package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Function;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds sub-expressions a body computes more than once (make_spte builds the SPTE, then returns it or
 * its access-tracked form) so emitters can compute them once into a named local, as a person would.
 * A local is named after the parameter it is passed to, when it is passed to a call.
 */
public final class CommonSubexpressions {
    /** Smaller repeats are cheaper to read inline than as a variable. */
    private static final int MIN_NODES = 6;

    /** A value computed once: {@code name = value}. */
    public record Local(String name, Expr value) {
    }

    /** The locals, in the order they must be computed, and the body that uses them by name. */
    public record Result(List<Local> locals, Expr body) {
    }

    private final Interpreter in;
    private final Support support;

    public CommonSubexpressions(Interpreter in) {
        this.in = in;
        this.support = Support.forProfile(in);
    }

    /** Hoists repeated sub-expressions of {@code body}; {@code taken} are names already in use (the arguments). */
    public Result hoist(Expr body, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        List<Local> locals = new ArrayList<>();
        Expr current = body;
        while (true) {
            Expr repeated = largestRepeat(current);
            if (repeated == null) {
                break;
            }
            String name = unique(nameFor(current, repeated), used);
            used.add(name);
            Expr ref = new Expr.ArgRef(name);
            current = replace(current, repeated, ref);
            // Earlier locals may contain the repeat too.
            List<Local> updated = new ArrayList<>();
            for (Local l : locals) {
                updated.add(new Local(l.name(), replace(l.value(), repeated, ref)));
            }
            locals = updated;
            locals.add(0, new Local(name, repeated));
        }
        return new Result(orderByUse(locals), current);
    }

    private Expr largestRepeat(Expr body) {
        Map<Expr, Integer> counts = new LinkedHashMap<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr e) {
                counts.merge(e, 1, Integer::sum);
            }
        }.walk(body);
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && size(e.getKey()) >= MIN_NODES && !support.isClosed(e.getKey()))
                .max(Comparator.comparingInt((Map.Entry<Expr, Integer> e) -> size(e.getKey())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The name of the parameter the expression is passed to, else {@code value}. */
    private String nameFor(Expr body, Expr repeated) {
        String[] name = {"value"};
        new ExprWalker() {
            @Override
            protected void visit(Expr e) {
                if (e instanceof Expr.Call c) {
                    Function f = in.layout().function(c.function());
                    for (int i = 0; i < c.args().size(); i++) {
                        if (c.args().get(i).equals(repeated)) {
                            name[0] = f.args().get(i).name();
                        }
                    }
                }
            }
        }.walk(body);
        return name[0];
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; used.contains(name); i++) {
            name = base + i;
        }
        return name;
    }

    private static Expr replace(Expr in, Expr target, Expr with) {
        return new ExprTransformer() {
            @Override
            public Expr unary(Expr.Unary e) {
                return e.equals(target) ? with : super.unary(e);
            }

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

            @Override
            public Expr fieldGet(Expr.FieldGet e) {
                return e.equals(target) ? with : super.fieldGet(e);
            }

            @Override
            public Expr fieldPut(Expr.FieldPut e) {
                return e.equals(target) ? with : super.fieldPut(e);
            }
        }.transform(in);
    }

    /** A local that reads another must come after it. */
    private static List<Local> orderByUse(List<Local> locals) {
        List<Local> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Map<String, Local> byName = new HashMap<>();
        locals.forEach(l -> byName.put(l.name(), l));
        for (Local l : locals) {
            place(l, byName, done, out);
        }
        return out;
    }

    private static void place(Local l, Map<String, Local> byName, Set<String> done, List<Local> out) {
        if (!done.add(l.name())) {
            return;
        }
        new ExprWalker() {
            @Override
            protected void visit(Expr e) {
                if (e instanceof Expr.ArgRef r && byName.containsKey(r.name())) {
                    place(byName.get(r.name()), byName, done, out);
                }
            }
        }.walk(l.value());
        out.add(l);
    }

    private static int size(Expr e) {
        int[] n = {0};
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                n[0]++;
            }
        }.walk(e);
        return n[0];
    }
}
