package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.BitRange;
import dev.sptegen.dsl.model.Claim;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every element refers only to things that exist, and every expression it holds has the type its
 * place requires (a predicate body is bool, a bit range end is a word, ...).
 */
final class ElementRule {
    /** Most values an argument range may have (CaseSpace enumerates every one). */
    static final long MAX_RANGE = 1 << 16;

    private ElementRule() {
    }

    static void check(Spec spec, Problems problems) {
        for (Layout layout : spec.layouts().values()) {
            for (Element e : layout.elements()) {
                ExprCheck check = new ExprCheck(spec, layout, ElementArgs.of(layout, e), Problems.label(e), problems);
                if (e instanceof Field f) {
                    field(spec, f, check, problems);
                } else if (e instanceof Constant c) {
                    check.expect(c.value(), c.type(), "the value of a " + c.kind().name().toLowerCase() + " constant");
                } else if (e instanceof Function f) {
                    function(spec, layout, f, check, problems);
                } else if (e instanceof View v) {
                    view(layout, v, check, problems);
                } else if (e instanceof Invariant i) {
                    invariant(layout, i, check, problems);
                }
            }
        }
    }

    private static void field(Spec spec, Field f, ExprCheck check, Problems problems) {
        if (f.parts().isEmpty()) {
            problems.add(f, "bit-range", "has no bits");
        }
        for (BitRange r : f.parts()) {
            check.expect(r.low(), Type.U64, "a bit number");
            check.expect(r.high(), Type.U64, "a bit number");
        }
        f.width().ifPresent(w -> check.expect(w, Type.U64, "a width"));
        f.enumType().ifPresent(name -> {
            if (!spec.enums().containsKey(name)) {
                problems.add(f, "unknown-reference", "holds codes of unknown enum '" + name + "'");
            }
        });
    }

    private static void function(Spec spec, Layout layout, Function f, ExprCheck check, Problems problems) {
        Set<String> names = new HashSet<>();
        for (Arg a : f.args()) {
            if (!names.add(a.name())) {
                problems.add(f, "duplicate-name", "has two arguments named " + a.name());
            }
            if (a.domain() instanceof ArgDomain.Bits b) {
                check.expect(b.width(), Type.U64, "the width of argument " + a.name());
            } else if (a.domain() instanceof ArgDomain.Range r && r.min() > r.max()) {
                problems.add(f, "parameter-range", "argument " + a.name() + " has an empty range " + r.min() + ".." + r.max());
            } else if (a.domain() instanceof ArgDomain.Range r && (r.max() - r.min() >= MAX_RANGE || r.max() - r.min() < 0
                    || r.min() < Integer.MIN_VALUE || r.max() > Integer.MAX_VALUE)) {
                // Ranges are enumerated value by value and passed as int by the generated Java.
                problems.add(f, "parameter-range", "argument " + a.name() + " ranges over " + r.min() + ".." + r.max()
                        + "; a range must have at most " + MAX_RANGE + " values, all within 32 bits (use bits() for wide values)");
            } else if (a.domain() instanceof ArgDomain.OfEnum o && !spec.enums().containsKey(o.enumName())) {
                problems.add(f, "unknown-reference", "argument " + a.name() + " takes codes of unknown enum '" + o.enumName() + "'");
            } else if (a.domain() instanceof ArgDomain.Produced p && !layout.views().containsKey(p.view())) {
                problems.add(f, "unknown-reference", "argument " + a.name() + " takes values of unknown view '" + p.view()
                        + "' (on " + layout.vendor().id() + ")");
            }
        }
        if (f.args().isEmpty()) {
            problems.add(f, "arity", "takes no arguments; a value without inputs is a constant");
        }
        check.expect(f.body(), f.returns(), "the body of a " + f.returns() + " function");
        f.requires().ifPresent(r -> check.expect(r, Type.BOOL, "a precondition"));
        f.returnsEnum().ifPresent(name -> {
            if (!spec.enums().containsKey(name)) {
                problems.add(f, "unknown-reference", "returns codes of unknown enum '" + name + "'");
            } else if (f.returns() != Type.U64) {
                problems.add(f, "type", "returns enum " + name + " but its result is " + f.returns());
            }
        });
    }

    private static void view(Layout layout, View v, ExprCheck check, Problems problems) {
        check.expect(v.predicate(), Type.BOOL, "a view predicate");
        for (String field : v.fields()) {
            if (!layout.fields().containsKey(field)) {
                problems.add(v, "unknown-reference", "lists unknown field '" + field + "' (on " + layout.vendor().id() + ")");
            }
        }
        for (String maker : v.producers()) {
            Function f = layout.functions().get(maker);
            if (f == null) {
                problems.add(v, "unknown-reference", "is produced by unknown function '" + maker + "' (on "
                        + layout.vendor().id() + ")");
            } else if (f.returns() != Type.U64) {
                problems.add(v, "type", "is produced by " + maker + ", which returns " + f.returns() + ", not an SPTE");
            }
        }
        if (v.levels().min() < 1 || v.levels().max() > 5 || v.levels().min() > v.levels().max()) {
            problems.add(v, "parameter-range", "levels " + v.levels().min() + ".." + v.levels().max() + " are not within 1..5");
        }
    }

    private static void invariant(Layout layout, Invariant i, ExprCheck check, Problems problems) {
        Scope s = i.scope();
        String view = s instanceof Scope.EveryValue ev ? ev.view() : s instanceof Scope.EveryProduced ep ? ep.view() : null;
        if (view != null && !layout.views().containsKey(view)) {
            problems.add(i, "unknown-reference", "ranges over unknown view '" + view + "' (on " + layout.vendor().id() + ")");
        }
        if (s instanceof Scope.EveryCall c && !layout.functions().containsKey(c.function())) {
            problems.add(i, "unknown-reference", "ranges over calls of unknown function '" + c.function() + "' (on "
                    + layout.vendor().id() + ")");
        }
        Claim c = i.claim();
        if (c instanceof Claim.Disjoint d) {
            both(check, d.a(), d.b());
        } else if (c instanceof Claim.Subset sub) {
            both(check, sub.a(), sub.of());
        } else if (c instanceof Claim.Equal eq) {
            check.expect(eq.a().eq(eq.b()), Type.BOOL, "an equality");
        } else {
            check.expect(((Claim.Holds) c).condition(), Type.BOOL, "a condition");
        }
    }

    private static void both(ExprCheck check, Expr a, Expr b) {
        for (Expr e : List.of(a, b)) {
            check.expect(e, Type.U64, "a mask (" + ExprPrinter.print(e) + ")");
        }
    }
}
