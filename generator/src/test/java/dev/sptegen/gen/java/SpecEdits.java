package dev.sptegen.gen.java;

import dev.sptegen.dsl.model.BitRange;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.dsl.model.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Deliberate one-point changes to a spec, for showing that the generated suites catch them. */
final class SpecEdits {
    private SpecEdits() {
    }

    /** The spec with one element of one vendor's layout replaced. */
    static Spec edit(Spec spec, Vendor vendor, String name, UnaryOperator<Element> change) {
        Map<Vendor, Layout> layouts = new LinkedHashMap<>(spec.layouts());
        Layout l = layouts.get(vendor);
        Map<String, Field> f = new LinkedHashMap<>(l.fields());
        Map<String, Constant> c = new LinkedHashMap<>(l.constants());
        Map<String, Function> fn = new LinkedHashMap<>(l.functions());
        Map<String, View> v = new LinkedHashMap<>(l.views());
        Map<String, Invariant> inv = new LinkedHashMap<>(l.invariants());
        Element e = l.element(name).orElseThrow();
        Element changed = change.apply(e);
        if (changed instanceof Field x) {
            f.put(name, x);
        } else if (changed instanceof Constant x) {
            c.put(name, x);
        } else if (changed instanceof Function x) {
            fn.put(name, x);
        }
        layouts.put(vendor, new Layout(vendor, f, c, fn, v, inv));
        return new Spec(spec.name(), spec.kernel(), spec.summary(), spec.parent(), spec.parameters(), spec.enums(),
                layouts, spec.profiles());
    }

    static UnaryOperator<Element> constantValue(long value) {
        return e -> ((Constant) e).withValue(new Expr.Lit(value));
    }

    /** Every part of a field one bit higher. */
    static UnaryOperator<Element> shiftedField() {
        return e -> {
            Field f = (Field) e;
            List<BitRange> parts = f.parts().stream()
                    .map(r -> new BitRange(r.low().plus(1), r.high().plus(1))).toList();
            return f.withParts(parts);
        };
    }

    /** The first == of a function body turned into !=. */
    static UnaryOperator<Element> firstEqualityNegated() {
        return e -> {
            Function f = (Function) e;
            boolean[] done = {false};
            Expr body = new dev.sptegen.dsl.model.ExprTransformer() {
                @Override
                public Expr binary(Expr.Binary b) {
                    if (!done[0] && b.op() == dev.sptegen.dsl.model.BinaryOp.EQ) {
                        done[0] = true;
                        return new Expr.Binary(dev.sptegen.dsl.model.BinaryOp.NE, b.left(), b.right());
                    }
                    return super.binary(b);
                }
            }.transform(f.body());
            return f.withBody(body);
        };
    }
}
