package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.ElementExprs;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No definition depends on itself: constants and fields (whose bit numbers may use constants) form
 * an acyclic graph, and so do function calls.
 */
final class CycleRule {
    private CycleRule() {
    }

    static void check(Spec spec, Problems problems) {
        for (Layout layout : spec.layouts().values()) {
            Map<String, Set<String>> edges = new LinkedHashMap<>();
            for (Element e : layout.elements()) {
                if (e instanceof Field || e instanceof dev.sptegen.dsl.model.Constant || e instanceof Function) {
                    edges.put(e.name(), references(layout, e));
                }
            }
            Set<String> reported = new LinkedHashSet<>();
            for (String start : edges.keySet()) {
                List<String> cycle = findCycle(start, edges, new ArrayList<>(), new LinkedHashSet<>());
                if (cycle != null && reported.add(String.join(",", cycle.stream().sorted().toList()))) {
                    Element e = layout.element(cycle.get(0)).orElseThrow();
                    problems.add(e, "cycle", "depends on itself: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
                            + " (on " + layout.vendor().id() + ")");
                }
            }
        }
    }

    /** Constants, fields and functions an element's expressions name. */
    private static Set<String> references(Layout layout, Element e) {
        Set<String> out = new LinkedHashSet<>();
        ExprWalker walker = new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.ConstRef c) {
                    out.add(c.name());
                } else if (x instanceof Expr.Call c) {
                    out.add(c.function());
                } else if (x instanceof Expr.FieldGet f) {
                    out.add(f.field());
                } else if (x instanceof Expr.FieldPut f) {
                    out.add(f.field());
                } else if (x instanceof Expr.FieldMask f) {
                    out.add(f.field());
                }
            }
        };
        ElementExprs.of(e).forEach(walker::walk);
        out.retainAll(layoutNames(layout));
        return out;
    }

    private static Set<String> layoutNames(Layout layout) {
        Set<String> names = new LinkedHashSet<>(layout.fields().keySet());
        names.addAll(layout.constants().keySet());
        names.addAll(layout.functions().keySet());
        return names;
    }

    private static List<String> findCycle(String node, Map<String, Set<String>> edges, List<String> path, Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            return new ArrayList<>(path.subList(at, path.size()));
        }
        if (done.contains(node)) {
            return null;
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            List<String> cycle = findCycle(next, edges, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return null;
    }
}
