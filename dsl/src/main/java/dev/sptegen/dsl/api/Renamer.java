package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.ElementExprs;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.View;
import java.util.List;

/** Renames one element and every reference to it (the 6.11 REMOVED_SPTE -> FROZEN_SPTE rename). */
final class Renamer {
    private Renamer() {
    }

    static Element rename(Element e, String from, String to) {
        Element renamed = ElementExprs.map(e, x -> new RefRenamer(from, to).transform(x));
        boolean self = e.name().equals(from);
        if (renamed instanceof Field f) {
            return self ? f.withName(to) : f;
        } else if (renamed instanceof Constant c) {
            return self ? c.withName(to) : c;
        } else if (renamed instanceof Function f) {
            f = f.withArgs(f.args().stream().map(a -> renameArg(a, from, to)).toList());
            return self ? f.withName(to) : f;
        } else if (renamed instanceof View v) {
            v = v.withFields(names(v.fields(), from, to)).withProducers(names(v.producers(), from, to));
            return self ? v.withName(to) : v;
        }
        Invariant i = ((Invariant) renamed).withScope(renameScope(((Invariant) renamed).scope(), from, to));
        return self ? i.withName(to) : i;
    }

    private static Arg renameArg(Arg a, String from, String to) {
        if (a.domain() instanceof ArgDomain.Produced p && p.view().equals(from)) {
            return new Arg(a.name(), new ArgDomain.Produced(to));
        }
        return a;
    }

    private static Scope renameScope(Scope s, String from, String to) {
        if (s instanceof Scope.EveryValue v && v.view().equals(from)) {
            return new Scope.EveryValue(to);
        } else if (s instanceof Scope.EveryProduced v && v.view().equals(from)) {
            return new Scope.EveryProduced(to);
        } else if (s instanceof Scope.EveryCall c && c.function().equals(from)) {
            return new Scope.EveryCall(to);
        }
        return s;
    }

    private static List<String> names(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    /** Rewrites references by name: constants, calls and fields. */
    private static final class RefRenamer extends ExprTransformer {
        private final String from;
        private final String to;

        RefRenamer(String from, String to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Expr constRef(Expr.ConstRef e) {
            return e.name().equals(from) ? new Expr.ConstRef(to) : e;
        }

        @Override
        public Expr call(Expr.Call e) {
            Expr.Call c = (Expr.Call) super.call(e);
            return c.function().equals(from) ? new Expr.Call(to, c.args()) : c;
        }

        @Override
        public Expr fieldGet(Expr.FieldGet e) {
            Expr.FieldGet g = (Expr.FieldGet) super.fieldGet(e);
            return g.field().equals(from) ? new Expr.FieldGet(to, g.word()) : g;
        }

        @Override
        public Expr fieldPut(Expr.FieldPut e) {
            Expr.FieldPut p = (Expr.FieldPut) super.fieldPut(e);
            return p.field().equals(from) ? new Expr.FieldPut(to, p.word(), p.value()) : p;
        }

        @Override
        public Expr fieldMask(Expr.FieldMask e) {
            return e.field().equals(from) ? new Expr.FieldMask(to) : e;
        }
    }
}
