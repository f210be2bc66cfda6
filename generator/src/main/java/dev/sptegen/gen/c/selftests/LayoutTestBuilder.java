package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import dev.sptegen.gen.c.CFunctions;
import dev.sptegen.gen.c.CNames;
import dev.sptegen.gen.c.Doc;
import dev.sptegen.gen.c.HeaderModel.CFunction;
import dev.sptegen.gen.c.selftests.LayoutTestModel.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * spte_layout_test: every helper of every profile on inputs from its case space, with the result
 * the reference interpreter gives; and every value invariant of every profile as a C check, on the
 * values its scope ranges over.
 */
public final class LayoutTestBuilder {
    /** Inputs per helper and per invariant. */
    static final int PER_FUNCTION = 8;

    private final Spec spec;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private int vectors;
    private int nrArgs = 1;

    private LayoutTestBuilder(Spec spec) {
        this.spec = spec;
    }

    public static LayoutTestModel build(CheckedSpec checked) {
        Spec spec = checked.spec();
        LayoutTestBuilder b = new LayoutTestBuilder(spec);
        for (Profile p : spec.profiles().values()) {
            b.profile(checked.interpreter(p));
        }
        return new LayoutTestModel(spec.name(), CNames.header(spec), b.nrArgs, b.checks, b.entries, b.rows, b.vectors);
    }

    private void profile(Interpreter in) {
        Profile p = in.profile();
        for (Function f : in.layout().functions().values()) {
            List<long[]> inputs = Sampler.inputs(in, f, PER_FUNCTION);
            int id = entries.size();
            entries.add(new Entry(id, p.name() + "/" + f.name(), call(CNames.function(p, f.name()), f.args()), false));
            for (long[] args : inputs) {
                add(id, args, in.call(f.name(), args));
            }
        }
        CFunctions c = new CFunctions(in);
        for (Invariant inv : in.layout().invariants().values()) {
            if (!inv.isStatic()) {
                invariant(in, c, inv);
            }
        }
    }

    private void invariant(Interpreter in, CFunctions c, Invariant inv) {
        List<Arg> args;
        List<long[]> inputs;
        if (inv.scope() instanceof Scope.EveryCall call) {
            Function f = in.layout().function(call.function());
            args = new ArrayList<>(f.args());
            args.add(new Arg(Invariant.RESULT, new ArgDomain.Word()));
            inputs = new ArrayList<>();
            for (long[] a : Sampler.inputs(in, f, PER_FUNCTION)) {
                long[] withResult = java.util.Arrays.copyOf(a, a.length + 1);
                withResult[a.length] = in.call(f.name(), a);
                inputs.add(withResult);
            }
        } else {
            String view = inv.scope() instanceof Scope.EveryValue v ? v.view() : ((Scope.EveryProduced) inv.scope()).view();
            args = View.args();
            inputs = Sampler.spread(viewValues(in, in.layout().view(view)), PER_FUNCTION);
        }
        if (inputs.isEmpty()) {
            return;
        }
        Function check = new Function("inv_" + inv.name(), Function.Kind.HELPER, args, Type.BOOL, Optional.empty(),
                inv.claim().asCondition(), Optional.empty(), "Invariant: " + inv.doc());
        CFunction fn = c.extra(check);
        checks.add("");
        checks.addAll(fn.lines());
        int id = entries.size();
        entries.add(new Entry(id, in.profile().name() + "/invariant " + inv.name(), call(fn.name(), args), true));
        for (long[] a : inputs) {
            long v = in.eval(check.body(), Frame.of(args, a));
            if (v != 1) {
                throw new IllegalStateException("spec " + spec.name() + " profile " + in.profile().name()
                        + ": invariant " + inv.name() + " fails for " + java.util.Arrays.toString(a));
            }
            add(id, a, v);
        }
    }

    /** SPTE and level pairs of a view: what its makers produce there, and the layout's marker values. */
    static List<long[]> viewValues(Interpreter in, View view) {
        Set<List<Long>> seen = new LinkedHashSet<>();
        List<long[]> out = new ArrayList<>();
        for (String maker : view.producers()) {
            Function f = in.layout().function(maker);
            int level = f.argIndex(View.LEVEL);
            for (long[] a : Sampler.inputs(in, f, 4 * PER_FUNCTION)) {
                long spte = in.call(maker, a);
                long lvl = level >= 0 ? a[level] : view.levels().min();
                keep(in, view, spte, lvl, seen, out);
            }
        }
        for (Constant c : in.layout().constants().values()) {
            if (c.kind() == Constant.Kind.VALUE) {
                for (long lvl = view.levels().min(); lvl <= view.levels().max(); lvl++) {
                    keep(in, view, in.constant(c.name()), lvl, seen, out);
                }
            }
        }
        return out;
    }

    private static void keep(Interpreter in, View view, long spte, long level, Set<List<Long>> seen, List<long[]> out) {
        if (in.test(view.predicate(), Frame.of(View.args(), spte, level)) && seen.add(List.of(spte, level))) {
            out.add(new long[] {spte, level});
        }
    }

    private void add(int id, long[] args, long expected) {
        nrArgs = Math.max(nrArgs, args.length);
        List<String> items = new ArrayList<>();
        items.add(Integer.toString(id));
        if (args.length == 0) {
            items.add("{ 0 }");
        }
        for (int i = 0; i < args.length; i++) {
            String w = TableRows.word(args[i]);
            items.add((i == 0 ? "{ " : "") + w + (i == args.length - 1 ? " }" : ""));
        }
        items.add(TableRows.word(expected));
        rows.addAll(TableRows.row(items));
        vectors++;
    }

    /**
     * {@code return f(a[0], ...);} for a case of the dispatch switch (two tabs deep), arguments from
     * {@code a[]}, booleans as {@code a[i] != 0}.
     */
    private static String call(String name, List<Arg> args) {
        List<Doc> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            a.add(Doc.atom(args.get(i).type() == Type.BOOL ? "a[" + i + "] != 0" : "a[" + i + "]"));
        }
        return "return " + Doc.render(Doc.call(name, a), 16 + "return ".length(), 1) + ";";
    }
}
