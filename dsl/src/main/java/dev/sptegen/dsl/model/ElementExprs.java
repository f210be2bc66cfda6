package dev.sptegen.dsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reads and rewrites every expression an element holds, whatever its kind. */
public final class ElementExprs {
    private ElementExprs() {
    }

    /** Every expression of the element, in a fixed order. */
    public static List<Expr> of(Element e) {
        List<Expr> out = new ArrayList<>();
        map(e, x -> {
            out.add(x);
            return x;
        });
        return out;
    }

    /** The element with every expression replaced by {@code f} of it. */
    public static Element map(Element e, UnaryOperator<Expr> f) {
        if (e instanceof Field fd) {
            List<BitRange> parts = new ArrayList<>();
            for (BitRange r : fd.parts()) {
                parts.add(new BitRange(f.apply(r.low()), f.apply(r.high())));
            }
            return new Field(fd.name(), fd.role(), parts, fd.width().map(f), fd.enumType(), fd.doc());
        } else if (e instanceof Constant c) {
            return c.withValue(f.apply(c.value()));
        } else if (e instanceof Function fn) {
            List<Arg> args = new ArrayList<>();
            for (Arg a : fn.args()) {
                args.add(a.domain() instanceof ArgDomain.Bits b
                        ? new Arg(a.name(), new ArgDomain.Bits(f.apply(b.width()), b.address())) : a);
            }
            return new Function(fn.name(), fn.kind(), args, fn.returns(), fn.returnsEnum(), f.apply(fn.body()),
                    fn.requires().map(f), fn.doc());
        } else if (e instanceof View v) {
            return v.withPredicate(f.apply(v.predicate()));
        }
        Invariant inv = (Invariant) e;
        return inv.withClaim(mapClaim(inv.claim(), f));
    }

    private static Claim mapClaim(Claim c, UnaryOperator<Expr> f) {
        if (c instanceof Claim.Disjoint d) {
            return new Claim.Disjoint(f.apply(d.a()), f.apply(d.b()));
        } else if (c instanceof Claim.Equal q) {
            return new Claim.Equal(f.apply(q.a()), f.apply(q.b()));
        } else if (c instanceof Claim.Subset s) {
            return new Claim.Subset(f.apply(s.a()), f.apply(s.of()));
        }
        return new Claim.Holds(f.apply(((Claim.Holds) c).condition()));
    }
}
