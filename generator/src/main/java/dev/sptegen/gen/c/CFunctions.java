package dev.sptegen.gen.c;

import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.CommonSubexpressions;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Specializer;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.gen.c.HeaderModel.CFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The static inline C functions of one profile: kernel helpers and field accessors. */
public final class CFunctions {
    /** Column where a {@code return} expression starts: one tab plus "return ". */
    private static final int RETURN_COLUMN = 8 + "return ".length();

    private final Interpreter in;
    private final Profile profile;
    private final CExprPrinter printer;
    private final Specializer specializer;

    public CFunctions(Interpreter in) {
        this.in = in;
        this.profile = in.profile();
        this.printer = new CExprPrinter(in, n -> CNames.constant(profile, n), n -> CNames.function(profile, n));
        this.specializer = new Specializer(in);
    }

    /** A function that is not part of the layout (a test's invariant check), printed like the helpers. */
    public CFunction extra(Function f) {
        return function(f, specializer.specialize(f.body()));
    }

    CExprPrinter printer() {
        return printer;
    }

    public static String cType(Type t) {
        return t == Type.BOOL ? "bool" : "u64";
    }

    /** Every helper of the layout, callees before callers, otherwise in declaration order. */
    List<CFunction> helpers() {
        Map<String, Expr> bodies = new LinkedHashMap<>();
        for (Function f : in.layout().functions().values()) {
            bodies.put(f.name(), specializer.body(f));
        }
        List<CFunction> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : bodies.keySet()) {
            emit(name, bodies, done, new LinkedHashSet<>(), out);
        }
        return out;
    }

    private void emit(String name, Map<String, Expr> bodies, Set<String> done, Set<String> active, List<CFunction> out) {
        if (done.contains(name)) {
            return;
        }
        if (!active.add(name)) {
            throw new IllegalStateException("recursive call through " + name);
        }
        for (String callee : callees(bodies.get(name))) {
            emit(callee, bodies, done, active, out);
        }
        active.remove(name);
        done.add(name);
        out.add(function(in.layout().function(name), bodies.get(name)));
    }

    private static Set<String> callees(Expr body) {
        Set<String> names = new LinkedHashSet<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.Call c) {
                    names.add(c.function());
                }
            }
        }.walk(body);
        return names;
    }

    private static Set<String> argsUsed(Expr body) {
        Set<String> names = new LinkedHashSet<>();
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                if (x instanceof Expr.ArgRef a) {
                    names.add(a.name());
                }
            }
        }.walk(body);
        return names;
    }

    private CFunction function(Function f, Expr specialized) {
        String name = CNames.function(profile, f.name());
        List<Doc> params = new ArrayList<>();
        for (Arg a : f.args()) {
            params.add(Doc.atom(cType(a.type()) + " " + CNames.arg(a.name())));
        }
        List<String> lines = new ArrayList<>(CComments.comment("", f.doc()));
        lines.add(signature(cType(f.returns()), name, params));
        lines.add("{");
        Map<String, Type> types = new LinkedHashMap<>();
        for (Arg a : f.args()) {
            types.put(a.name(), a.type());
        }
        CommonSubexpressions.Result cse = new CommonSubexpressions(in).hoist(specialized, types.keySet());
        Set<String> used = new LinkedHashSet<>(argsUsed(cse.body()));
        for (CommonSubexpressions.Local l : cse.locals()) {
            Type t = new CTypes(in.layout(), types).of(l.value());
            types.put(l.name(), t);
            String head = "\t" + cType(t) + " " + l.name() + " = ";
            lines.add(head + printer.wrapped(l.value(), 8 + head.length() - 1, 1) + ";");
            used.addAll(argsUsed(l.value()));
        }
        boolean blank = !cse.locals().isEmpty();
        for (Arg a : f.args()) {
            if (!used.contains(a.name())) {
                if (blank) {
                    lines.add("");
                    blank = false;
                }
                // The profile makes this argument irrelevant; keep the kernel's signature.
                lines.add("\t(void)" + CNames.arg(a.name()) + ";");
            }
        }
        if (lines.size() > 0 && !lines.get(lines.size() - 1).equals("{")) {
            lines.add("");
        }
        lines.add("\treturn " + printer.wrapped(cse.body(), RETURN_COLUMN, 1) + ";");
        lines.add("}");
        return new CFunction(name, lines);
    }

    private static String signature(String type, String name, List<Doc> params) {
        String head = "static inline " + type + " " + name;
        if (params.isEmpty()) {
            return head + "(void)";
        }
        return Doc.render(Doc.call(head, params), 0, 0);
    }

    /** {@code get} and {@code set} functions for every field of the layout. */
    List<CFunction> fieldAccessors() {
        List<CFunction> out = new ArrayList<>();
        for (String field : in.layout().fields().keySet()) {
            FieldBits bits = in.field(field);
            Expr spte = new Expr.ArgRef("spte");
            Expr get = CExprPrinter.lowerGet(bits, spte);
            Expr set = CExprPrinter.lowerPut(bits, spte, new Expr.ArgRef("val"));
            String getName = CNames.fieldGet(profile, field);
            out.add(new CFunction(getName, List.of(
                    signature("u64", getName, List.of(Doc.atom("u64 spte"))), "{",
                    "\treturn " + printer.wrapped(get, RETURN_COLUMN, 1) + ";", "}")));
            String setName = CNames.fieldSet(profile, field);
            out.add(new CFunction(setName, List.of(
                    signature("u64", setName, List.of(Doc.atom("u64 spte"), Doc.atom("u64 val"))), "{",
                    "\treturn " + printer.wrapped(set, RETURN_COLUMN, 1) + ";", "}")));
        }
        return out;
    }
}
