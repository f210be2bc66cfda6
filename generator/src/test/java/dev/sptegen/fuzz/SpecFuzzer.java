package dev.sptegen.fuzz;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.p;

import dev.sptegen.dsl.api.FieldHandle;
import dev.sptegen.dsl.api.FunctionHandle;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.UnaryOp;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random well-formed specs from a seed. Everything is valid by construction: fields are placed on
 * disjoint segments of the word (split fields take several), parameter-dependent bit ranges stay
 * inside their segment for every value of the parameter, shift amounts are masked to 0..63 and GENMASK
 * ends ordered, constants and functions only use earlier ones (no cycles), every view has a tag
 * {@code (spte & M) == W} that its makers force and its value invariants restate, and every
 * invariant holds (an identity, disjoint fields, a maker's tag, a field read-back).
 *
 * <p>Specs whose generated suites would enumerate more than {@link #MAX_CASES} inputs for one check are
 * drawn again from a derived seed, so that a fuzz run stays fast; the seed still determines the spec.
 */
final class SpecFuzzer {
    /** Largest case space any generated check may enumerate. */
    static final long MAX_CASES = 1L << 16;

    /** Constants the C header's pte_masks block reads by name (HeaderBuilder.masks). */
    static final List<String> KVM_VOCABULARY = List.of("PT_PRESENT_MASK", "PT_WRITABLE_MASK", "PT_USER_MASK",
            "VMX_EPT_WRITABLE_MASK", "VMX_EPT_READABLE_MASK", "VMX_EPT_EXECUTABLE_MASK", "shadow_accessed_mask",
            "shadow_dirty_mask", "PT_PAGE_SIZE_MASK", "shadow_nx_mask", "shadow_me_value", "SPTE_MMU_PRESENT_MASK",
            "shadow_present_mask");

    /** Options that widen the fuzzer into territory with known emitter findings (off in the normal run). */
    record Options(boolean kvmVocabulary, boolean hostileNames, boolean wideRanges, boolean callsInStaticInvariants,
                   boolean numbersInExpressions, boolean unmaskedShifts) {
        static final Options NORMAL = new Options(true, false, false, false, false, false);

        static Options fromSystemProperties() {
            return new Options(!Boolean.getBoolean("fuzz.noKvmNames"), Boolean.getBoolean("fuzz.hostileNames"),
                    Boolean.getBoolean("fuzz.wideRanges"), Boolean.getBoolean("fuzz.staticCalls"),
                    Boolean.getBoolean("fuzz.numbers"), Boolean.getBoolean("fuzz.unmaskedShifts"));
        }
    }

    /** A fuzzed spec and what the generator knows about it (for the breakers). */
    record Fuzzed(long seed, Spec spec, Meta meta) {
    }

    /** Names and shapes of what was declared, in declaration order. */
    static final class Meta {
        final List<String> fields = new ArrayList<>();
        /** The fields placed on disjoint segments (usable together in a view). */
        final List<String> partition = new ArrayList<>();
        final Map<String, Integer> fixedWidth = new LinkedHashMap<>();
        final Map<String, Type> constants = new LinkedHashMap<>();
        /** NUMBER constants: the C header prints them as int literals (a finding), so expressions avoid them. */
        final java.util.Set<String> numbers = new java.util.HashSet<>();
        final Map<String, Function> functions = new LinkedHashMap<>();
        final Map<String, ViewTag> views = new LinkedHashMap<>();
        final Map<String, List<String>> producers = new LinkedHashMap<>();
        final List<String> intParams = new ArrayList<>();
        final List<String> boolParams = new ArrayList<>();
        final Map<String, long[]> intParamRange = new LinkedHashMap<>();
        final Map<String, long[]> enums = new LinkedHashMap<>();
        final Map<String, Integer> enumWidth = new LinkedHashMap<>();
        final List<Integer> freeBits = new ArrayList<>();
        List<Vendor> vendors = List.of();
    }

    /** A view's tag: values of the view have {@code (spte & mask) == value}; exact when nothing else gets in. */
    record ViewTag(long mask, long value, boolean exact, int minLevel, int maxLevel) {
    }

    private final Options options;

    SpecFuzzer(Options options) {
        this.options = options;
    }

    /** The spec of a seed; the same seed gives the same spec. */
    Fuzzed valid(long seed) {
        long s = seed;
        for (int attempt = 0; ; attempt++) {
            Fuzzed f = attempt(seed, new SplittableRandom(s));
            if (attempt >= 20 || smallEnough(f.spec())) {
                return f;
            }
            s = new SplittableRandom(s).nextLong();
        }
    }

    static String specName(long seed) {
        return "fz-" + Long.toHexString(seed);
    }

    // ---- the spec ----

    private Fuzzed attempt(long seed, SplittableRandom r) {
        Meta m = new Meta();
        List<Vendor> all = new ArrayList<>(List.of(Vendor.values()));
        Collections.shuffle(all, new java.util.Random(r.nextLong()));
        m.vendors = List.copyOf(all.subList(0, 1 + r.nextInt(2)));
        SpecBuilder s = SpecBuilder.create(specName(seed), "9." + r.nextInt(20), "fuzzed spec " + Long.toHexString(seed),
                m.vendors.toArray(new Vendor[0]));
        Gen g = new Gen(r, m, options);
        g.parameters(s);
        g.enums(s);
        g.fields(s);
        g.constants(s);
        g.functionsAndViews(s);
        g.invariants(s);
        g.profiles(s);
        return new Fuzzed(seed, s.build(), m);
    }

    /** No generated check enumerates more than MAX_CASES inputs, in any profile. */
    static boolean smallEnough(Spec spec) {
        try {
            for (Profile p : spec.profiles().values()) {
                Interpreter in = new Interpreter(spec, p);
                for (Function f : in.layout().functions().values()) {
                    if (CaseSpace.of(in, f, CaseSpace.Budget.tests(1)).size() > MAX_CASES) {
                        return false;
                    }
                }
                for (Invariant i : in.layout().invariants().values()) {
                    if (i.scope() instanceof Scope.EveryValue ev) {
                        View v = in.layout().view(ev.view());
                        if (CaseSpace.ofView(in, v, i.claim().asCondition(), CaseSpace.Budget.tests(1)).size() > MAX_CASES) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            // Let the harness see whatever this is.
            return true;
        }
    }

    /** Generates the parts of one spec. */
    private static final class Gen {
        private final SplittableRandom r;
        private final Meta m;
        private final Options o;
        private int nextBit = 0;
        private final List<int[]> segments = new ArrayList<>();

        Gen(SplittableRandom r, Meta m, Options o) {
            this.r = r;
            this.m = m;
            this.o = o;
        }

        private String name(String base, int i) {
            if (o.hostileNames && r.nextInt(4) == 0) {
                String[] hostile = {"int", "class", "new", "value", "value2", "default", "result", "spte_", "a__b",
                    "PROFILE", "get", "with", "x1_a", "x1A", "long", "static", "return", "_x", "impl", "Impl",
                    "and", "or", "not", "if", "else", "switch", "bool", "true", "u64", "auto"};
                return hostile[r.nextInt(hostile.length)] + "_" + base + i;
            }
            return base + i;
        }

        // ---- parameters and enumerations ----

        void parameters(SpecBuilder s) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (r.nextBoolean()) {
                    String name = "pb" + i;
                    s.boolParam(name, r.nextBoolean(), "bool parameter " + i);
                    m.boolParams.add(name);
                } else {
                    String name = "pi" + i;
                    long lo = r.nextInt(6);
                    if (r.nextInt(6) == 0) {
                        lo = -r.nextInt(5);
                    }
                    long hi = lo + r.nextInt(7);
                    long def = lo + r.nextLong(hi - lo + 1);
                    s.intParam(name, lo, hi, def, "int parameter " + i);
                    m.intParams.add(name);
                    m.intParamRange.put(name, new long[] {lo, hi});
                }
            }
        }

        void enums(SpecBuilder s) {
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String name = "en" + i;
                int width = 1 + r.nextInt(4);
                var e = s.enumType(name, width, "enumeration " + i);
                List<Long> codes = new ArrayList<>();
                for (long code = 0; code < 1L << width; code++) {
                    codes.add(code);
                }
                Collections.shuffle(codes, new java.util.Random(r.nextLong()));
                int count = 1 + r.nextInt(codes.size());
                long[] used = new long[count];
                for (int k = 0; k < count; k++) {
                    used[k] = codes.get(k);
                    e.value("V" + k, used[k], "value " + k);
                }
                m.enums.put(name, used);
                m.enumWidth.put(name, width);
            }
        }

        // ---- fields ----

        void fields(SpecBuilder s) {
            // Cut the word into segments, in a random order.
            int bit = 0;
            while (bit < 64) {
                int len = r.nextInt(8) == 0 ? 12 + r.nextInt(30) : 1 + r.nextInt(8);
                len = Math.min(len, 64 - bit);
                segments.add(new int[] {bit, bit + len - 1});
                bit += len;
            }
            Collections.shuffle(segments, new java.util.Random(r.nextLong()));
            int count = 1 + r.nextInt(Math.min(8, segments.size()));
            var all = s.all();
            int fieldIndex = 0;
            for (int i = 0; i < count && !segments.isEmpty(); i++) {
                String name = name("f", fieldIndex++);
                int parts = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
                parts = Math.min(parts, segments.size());
                FieldHandle h = all.field(name);
                int width = 0;
                boolean variable = false;
                for (int k = 0; k < parts; k++) {
                    int[] seg = segments.remove(0);
                    int len = seg[1] - seg[0] + 1;
                    String param = m.intParams.isEmpty() ? null : m.intParams.get(r.nextInt(m.intParams.size()));
                    if (param != null && parts == 1 && r.nextInt(3) == 0
                            && m.intParamRange.get(param)[1] - m.intParamRange.get(param)[0] < len
                            && m.intParamRange.get(param)[0] >= 0) {
                        long lo = m.intParamRange.get(param)[0];
                        long hi = m.intParamRange.get(param)[1];
                        // high = param + k stays within seg for every param in lo..hi
                        long k0 = seg[1] - hi;
                        Expr high = k0 >= 0 ? p(param).plus(k0) : p(param).minus(-k0);
                        h.bits(lit(seg[0]), high);
                        variable = true;
                        width += (int) (seg[1] - (hi - lo) - seg[0] + 1);
                    } else {
                        h.bits(seg[0], seg[1]);
                        width += len;
                    }
                }
                if (!variable && parts > 1 && r.nextBoolean()) {
                    h.width(width);
                }
                int role = r.nextInt(3);
                if (role == 1) {
                    h.software();
                } else if (role == 2 && width >= 8) {
                    h.address();
                }
                if (!variable) {
                    final int w = width;
                    List<String> fits = m.enumWidth.keySet().stream().filter(e -> m.enumWidth.get(e) <= w).toList();
                    if (!fits.isEmpty() && r.nextInt(3) == 0) {
                        h.enumOf(fits.get(r.nextInt(fits.size())));
                    }
                    m.fixedWidth.put(name, width);
                }
                h.doc("field " + name);
                m.fields.add(name);
                m.partition.add(name);
            }
            // Sometimes a field that overlaps others (never in a view with them).
            if (r.nextInt(4) == 0) {
                int low = r.nextInt(60);
                int high = low + r.nextInt(64 - low);
                String name = name("f", fieldIndex);
                all.field(name).bits(low, high).software().doc("an alias over bits " + low + ".." + high);
                m.fields.add(name);
                m.fixedWidth.put(name, high - low + 1);
            }
            for (int[] seg : segments) {
                for (int b = seg[0]; b <= seg[1]; b++) {
                    m.freeBits.add(b);
                }
            }
        }

        // ---- constants ----

        void constants(SpecBuilder s) {
            if (o.kvmVocabulary) {
                for (String name : KVM_VOCABULARY) {
                    long v = r.nextInt(3) == 0 ? 0 : 1L << r.nextInt(64);
                    s.all().mask(name).is(lit(v)).doc("KVM's " + name);
                    m.constants.put(name, Type.U64);
                }
            }
            int n = 1 + r.nextInt(7);
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(4);
                String name = name("K", i) + switch (kind) {
                    case 0 -> "_MASK";
                    case 1 -> "_VALUE";
                    case 2 -> "_SHIFT";
                    default -> "_ON";
                };
                Type type = kind == 3 ? Type.BOOL : Type.U64;
                if (m.vendors.size() > 1 && r.nextInt(4) == 0) {
                    // A constant with a different definition per vendor.
                    for (Vendor v : m.vendors) {
                        declare(s.on(v), kind, name, constantValue(kind, type));
                    }
                } else {
                    declare(s.all(), kind, name, constantValue(kind, type));
                }
                m.constants.put(name, type);
                if (kind == 2 && !o.numbersInExpressions) {
                    m.numbers.add(name);
                }
            }
        }

        /** A number constant is a count or bit number: small unless the C emitter's finding is wanted. */
        private Expr constantValue(int kind, Type type) {
            Expr e = expr(type, 3, Ctx.constants(m));
            return kind == 2 && !o.hostileNames ? e.and(lit(0xfff)) : e;
        }

        private static void declare(dev.sptegen.dsl.api.LayoutScope scope, int kind, String name, Expr e) {
            var h = switch (kind) {
                case 0 -> scope.mask(name);
                case 1 -> scope.value(name);
                case 2 -> scope.number(name);
                default -> scope.flag(name);
            };
            h.is(e).doc("constant " + name);
        }

        // ---- functions and views ----

        void functionsAndViews(SpecBuilder s) {
            var all = s.all();
            int nViews = 1 + r.nextInt(3);
            List<String> viewNames = new ArrayList<>();
            for (int i = 0; i < nViews; i++) {
                viewNames.add(name("v", i));
                long mask = tagMask();
                long value = r.nextLong() & mask;
                int min = 1 + r.nextInt(3);
                int max = min + r.nextInt(6 - min);
                m.views.put(viewNames.get(i), new ViewTag(mask, value, r.nextInt(3) != 0, min, max));
            }
            Map<String, List<String>> producers = m.producers;
            viewNames.forEach(v -> producers.put(v, new ArrayList<>()));
            int nFunctions = 2 + r.nextInt(7);
            for (int i = 0; i < nFunctions; i++) {
                String name = name("fn", i);
                int kind = r.nextInt(6);
                List<Arg> args = new ArrayList<>();
                Type returns;
                FunctionHandle h;
                String producesView = null;
                switch (kind) {
                    case 0 -> {
                        h = all.predicate(name);
                        args.add(new Arg("spte", new ArgDomain.Word()));
                        if (r.nextBoolean()) {
                            args.add(new Arg("level", new ArgDomain.Range(1, 1 + r.nextInt(5))));
                        }
                        returns = Type.BOOL;
                    }
                    case 1 -> {
                        h = all.extractor(name);
                        args.add(new Arg("spte", new ArgDomain.Word()));
                        returns = Type.U64;
                    }
                    case 2 -> {
                        h = all.transform(name);
                        List<String> produced = producers.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                                .map(Map.Entry::getKey).toList();
                        args.add(new Arg("spte", !produced.isEmpty() && r.nextBoolean()
                                ? new ArgDomain.Produced(produced.get(r.nextInt(produced.size())))
                                : new ArgDomain.Word()));
                        returns = Type.U64;
                    }
                    case 3, 4 -> {
                        h = all.maker(name);
                        producesView = r.nextInt(4) == 0 ? null : viewNames.get(r.nextInt(viewNames.size()));
                        int n = 1 + r.nextInt(3);
                        for (int k = 0; k < n; k++) {
                            args.add(new Arg(argName(k), makerDomain()));
                        }
                        if (producesView != null && r.nextInt(3) == 0) {
                            ViewTag t = m.views.get(producesView);
                            args.add(new Arg("level", new ArgDomain.Range(t.minLevel(), t.maxLevel())));
                        }
                        returns = Type.U64;
                    }
                    default -> {
                        returns = r.nextBoolean() ? Type.BOOL : Type.U64;
                        h = r.nextBoolean() ? all.helper(name, returns) : all.hardware(name, returns);
                        int n = 1 + r.nextInt(3);
                        for (int k = 0; k < n; k++) {
                            args.add(new Arg(argName(k), anyDomain()));
                        }
                    }
                }
                h.of(args.toArray(new Arg[0]));
                Ctx ctx = Ctx.function(m, args);
                Expr body = expr(returns, 4, ctx);
                if (producesView != null) {
                    ViewTag t = m.views.get(producesView);
                    body = body.and(lit(~t.mask())).or(lit(t.value()));
                    producers.get(producesView).add(name);
                }
                h.is(body).doc("function " + name);
                if (kind >= 3 && kind <= 4 && r.nextInt(4) == 0) {
                    Arg a = args.get(0);
                    if (a.domain() instanceof ArgDomain.Bits) {
                        h.requires(arg(a.name()).ne(lit(r.nextInt(3))));
                    } else if (a.domain() instanceof ArgDomain.Flag) {
                        h.requires(arg(a.name()).orElse(new Expr.BoolLit(r.nextBoolean())));
                    }
                }
                if (returns == Type.U64 && r.nextInt(5) == 0 && !m.enums.isEmpty()) {
                    h.returnsEnum(m.enums.keySet().iterator().next());
                }
                Function model = new Function(name, Function.Kind.values()[0], args, returns, java.util.Optional.empty(),
                        body, java.util.Optional.empty(), "");
                m.functions.put(name, model);
            }
            for (String v : viewNames) {
                ViewTag t = m.views.get(v);
                Expr tag = SPTE.and(lit(t.mask())).eq(lit(t.value()));
                Expr pred = tag;
                if (r.nextBoolean()) {
                    pred = pred.andAlso(arg("level").ge(lit(t.minLevel())));
                }
                if (!t.exact()) {
                    pred = pred.orElse(expr(Type.BOOL, 3, Ctx.view(m)));
                }
                List<String> fields = new ArrayList<>();
                for (String f : m.partition) {
                    if (r.nextBoolean()) {
                        fields.add(f);
                    }
                }
                var vh = all.view(v).when(pred).fields(fields.toArray(new String[0])).levels(t.minLevel(), t.maxLevel())
                        .doc("view " + v);
                if (!producers.get(v).isEmpty()) {
                    vh.producedBy(producers.get(v).toArray(new String[0]));
                }
            }
        }

        private String argName(int k) {
            if (o.hostileNames && r.nextInt(3) == 0) {
                String[] hostile = {"int", "class", "value", "value2", "value_2", "result_", "a_b", "a__b", "spte_1",
                    "long", "default", "level_"};
                return hostile[r.nextInt(hostile.length)] + (k == 0 ? "" : "_" + k);
            }
            return "a" + k;
        }

        private long tagMask() {
            long mask = 0;
            int bits = 1 + r.nextInt(4);
            for (int i = 0; i < bits; i++) {
                mask |= 1L << r.nextInt(64);
            }
            return mask;
        }

        private ArgDomain makerDomain() {
            return switch (r.nextInt(6)) {
                case 0 -> new ArgDomain.Bits(lit(1 + r.nextInt(6)), false);
                case 1 -> new ArgDomain.Bits(lit(20 + r.nextInt(21)), true);
                case 2 -> new ArgDomain.Flag();
                case 3 -> m.enums.isEmpty() ? new ArgDomain.Flag() : new ArgDomain.OfEnum(pickName(m.enums.keySet()));
                case 4 -> range();
                default -> m.intParams.isEmpty() || m.intParamRange.get(m.intParams.get(0))[0] < 0
                        ? new ArgDomain.Bits(lit(3), false)
                        : new ArgDomain.Bits(p(m.intParams.get(0)).plus(1), false);
            };
        }

        private ArgDomain range() {
            long min = r.nextInt(6);
            if (o.wideRanges && r.nextBoolean()) {
                // At the ends of what validation allows (32-bit values).
                min = r.nextBoolean() ? Integer.MAX_VALUE - 5 : Integer.MIN_VALUE + r.nextInt(3);
            }
            return new ArgDomain.Range(min, min + r.nextInt(6));
        }

        private ArgDomain anyDomain() {
            return r.nextInt(3) == 0 ? new ArgDomain.Word() : makerDomain();
        }

        private String pickName(java.util.Collection<String> names) {
            List<String> l = new ArrayList<>(names);
            return l.get(r.nextInt(l.size()));
        }

        // ---- invariants ----

        void invariants(SpecBuilder s) {
            var all = s.all();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                String name = name("inv", i);
                var h = all.invariant(name).doc("invariant " + name);
                switch (r.nextInt(4)) {
                    case 0 -> staticInvariant(h);
                    case 1 -> {
                        String v = pickName(m.views.keySet());
                        h.forEveryValue(v);
                        viewClaim(h, v);
                    }
                    case 2 -> {
                        List<String> produced = m.views.keySet().stream()
                                .filter(v -> !m.producers.get(v).isEmpty()).toList();
                        if (produced.isEmpty()) {
                            staticInvariant(h);
                        } else {
                            String v = produced.get(r.nextInt(produced.size()));
                            h.forEveryProduced(v);
                            viewClaim(h, v);
                        }
                    }
                    default -> {
                        Function f = m.functions.get(pickName(m.functions.keySet()));
                        h.forEveryCall(f.name());
                        List<Expr> actual = new ArrayList<>();
                        f.args().forEach(a -> actual.add(arg(a.name())));
                        Expr again = new Expr.Call(f.name(), actual);
                        if (f.returns() == Type.BOOL) {
                            h.holds(arg(Invariant.RESULT).eq(again).orElse(arg(Invariant.RESULT).negated()));
                        } else if (r.nextBoolean()) {
                            h.equal(arg(Invariant.RESULT), again);
                        } else {
                            String field = m.fixedWidth.isEmpty() ? null : pickName(m.fixedWidth.keySet());
                            if (field == null) {
                                h.subset(arg(Invariant.RESULT), lit(-1));
                            } else {
                                // A field reads back what was written into the result.
                                int w = m.fixedWidth.get(field);
                                long widthMask = w >= 64 ? -1L : (1L << w) - 1;
                                h.equal(get(field, dev.sptegen.dsl.api.Dsl.put(field, arg(Invariant.RESULT), lit(0x5a5a5a5a5a5a5a5aL))),
                                        lit(0x5a5a5a5a5a5a5a5aL & widthMask));
                            }
                        }
                    }
                }
            }
        }

        private void staticInvariant(dev.sptegen.dsl.api.InvariantHandle h) {
            int choice = r.nextInt(5);
            if (choice == 0 && m.partition.size() >= 2) {
                List<String> f = new ArrayList<>(m.partition);
                Collections.shuffle(f, new java.util.Random(r.nextLong()));
                h.disjoint(maskOf(f.get(0)), maskOf(f.get(1)));
            } else if (choice == 1 && !m.intParams.isEmpty()) {
                String pn = pick(m.intParams);
                long[] range = m.intParamRange.get(pn);
                h.holds(p(pn).plus(1L << 40).ge(lit(range[0] + (1L << 40)))
                        .andAlso(p(pn).plus(1L << 40).le(lit(range[1] + (1L << 40)))));
            } else if (choice == 2) {
                Expr e = expr(Type.U64, 3, o.callsInStaticInvariants ? Ctx.staticWithCalls(m) : Ctx.constants(m));
                h.subset(e.and(lit(0xff00)), e.or(lit(0xff00)));
            } else if (choice == 3) {
                Expr e = expr(Type.BOOL, 3, o.callsInStaticInvariants ? Ctx.staticWithCalls(m) : Ctx.constants(m));
                h.holds(e.orElse(e.negated()));
            } else {
                Expr e = expr(Type.U64, 3, o.callsInStaticInvariants ? Ctx.staticWithCalls(m) : Ctx.constants(m));
                h.equal(e, e);
            }
        }

        private void viewClaim(dev.sptegen.dsl.api.InvariantHandle h, String v) {
            ViewTag t = m.views.get(v);
            int choice = r.nextInt(3);
            if (t.exact() && choice == 0) {
                h.equal(SPTE.and(lit(t.mask())), lit(t.value()));
            } else if (t.exact() && choice == 1) {
                h.subset(SPTE.and(lit(t.mask())), lit(t.value() | (r.nextLong() & ~t.mask())));
            } else if (!m.fixedWidth.isEmpty()) {
                String f = pickName(m.fixedWidth.keySet());
                int w = m.fixedWidth.get(f);
                long max = w >= 64 ? -1L : (1L << w) - 1;
                h.holds(get(f, SPTE).le(lit(max)).andAlso(arg("level").ge(lit(t.minLevel()))
                        .orElse(arg("level").lt(lit(t.minLevel())))));
            } else {
                h.holds(arg("level").le(lit(5)).orElse(SPTE.eq(SPTE)));
            }
        }

        // ---- profiles ----

        void profiles(SpecBuilder s) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String name = "p" + (char) ('a' + i) + (o.hostileNames && r.nextInt(4) == 0 ? "-int.x" : "");
                Vendor v = m.vendors.get(r.nextInt(m.vendors.size()));
                var ph = s.profile(name, v, "profile " + name);
                for (String pn : m.boolParams) {
                    if (r.nextBoolean()) {
                        ph.set(pn, r.nextBoolean());
                    }
                }
                for (String pn : m.intParams) {
                    if (r.nextBoolean()) {
                        long[] range = m.intParamRange.get(pn);
                        ph.set(pn, range[0] + r.nextLong(range[1] - range[0] + 1));
                    }
                }
            }
        }

        // ---- expressions ----

        /** A random expression of the type, that evaluates without error wherever its names are defined. */
        Expr expr(Type type, int depth, Ctx ctx) {
            return type == Type.BOOL ? bool(depth, ctx) : word(depth, ctx);
        }

        private Expr word(int depth, Ctx ctx) {
            if (depth <= 0 || r.nextInt(4) == 0) {
                return wordLeaf(ctx);
            }
            int d = depth - 1;
            switch (r.nextInt(14)) {
                case 0:
                    return word(d, ctx).inverted();
                case 1:
                    return new Expr.Binary(pickOf(BinaryOp.AND, BinaryOp.OR, BinaryOp.XOR), word(d, ctx), word(d, ctx));
                case 2:
                    return new Expr.Binary(pickOf(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL), word(d, ctx), word(d, ctx));
                case 3:
                    return new Expr.Binary(pickOf(BinaryOp.SHL, BinaryOp.SHR), word(d, ctx), shiftAmount(d, ctx));
                case 4:
                    return new Expr.Cond(bool(d, ctx), word(d, ctx), word(d, ctx));
                case 5:
                    return genmask(d, ctx);
                case 6:
                    if (ctx.fields && !m.fields.isEmpty()) {
                        return get(pick(m.fields), word(d, ctx));
                    }
                    return word(d, ctx).and(lit(r.nextLong()));
                case 7:
                    if (ctx.fields && !m.fields.isEmpty()) {
                        return dev.sptegen.dsl.api.Dsl.put(pick(m.fields), word(d, ctx), word(d, ctx));
                    }
                    return word(d, ctx).or(lit(r.nextLong()));
                case 8:
                    if (ctx.spte != null && r.nextBoolean()) {
                        return ctx.spte.and(lit(r.nextLong() & r.nextLong() & r.nextLong()));
                    }
                    return wordLeaf(ctx);
                case 9: {
                    Expr call = call(Type.U64, d, ctx);
                    return call != null ? call : wordLeaf(ctx);
                }
                default:
                    return wordLeaf(ctx);
            }
        }

        private Expr shiftAmount(int depth, Ctx ctx) {
            if (o.unmaskedShifts && r.nextInt(4) == 0) {
                return word(depth, ctx);
            }
            return r.nextBoolean() ? lit(r.nextInt(64)) : word(depth, ctx).and(lit(63));
        }

        private Expr genmask(int depth, Ctx ctx) {
            if (r.nextBoolean()) {
                int low = r.nextInt(64);
                int high = low + r.nextInt(64 - low);
                return dev.sptegen.dsl.api.Dsl.genmask(high, low);
            }
            return dev.sptegen.dsl.api.Dsl.genmask(word(depth, ctx).and(lit(31)).plus(lit(32)), word(depth, ctx).and(lit(31)));
        }

        private Expr wordLeaf(Ctx ctx) {
            List<Expr> options = new ArrayList<>();
            options.add(lit(interesting()));
            if (ctx.spte != null) {
                options.add(ctx.spte);
                options.add(ctx.spte);
            }
            ctx.args.forEach((n, t) -> {
                if (t == Type.U64) {
                    options.add(arg(n));
                }
            });
            m.intParams.forEach(pn -> options.add(p(pn)));
            ctx.constants.forEach((n, t) -> {
                if (t == Type.U64 && !m.numbers.contains(n)) {
                    options.add(c(n));
                }
            });
            if (ctx.fields && !m.fields.isEmpty()) {
                options.add(maskOf(pick(m.fields)));
            }
            if (!m.enums.isEmpty()) {
                String e = pickName(m.enums.keySet());
                options.add(dev.sptegen.dsl.api.Dsl.enumValue(e, "V" + r.nextInt(m.enums.get(e).length)));
            }
            return options.get(r.nextInt(options.size()));
        }

        private long interesting() {
            return switch (r.nextInt(8)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> -1L;
                case 3 -> Long.MIN_VALUE;
                case 4 -> 1L << r.nextInt(64);
                case 5 -> r.nextInt(64);
                case 6 -> Long.MAX_VALUE;
                default -> r.nextLong();
            };
        }

        private Expr bool(int depth, Ctx ctx) {
            if (depth <= 0 || r.nextInt(4) == 0) {
                return boolLeaf(ctx);
            }
            int d = depth - 1;
            switch (r.nextInt(9)) {
                case 0:
                    return bool(d, ctx).negated();
                case 1:
                    return new Expr.Binary(pickOf(BinaryOp.LAND, BinaryOp.LOR), bool(d, ctx), bool(d, ctx));
                case 2:
                    return new Expr.Binary(pickOf(BinaryOp.EQ, BinaryOp.NE), word(d, ctx), word(d, ctx));
                case 3:
                    return new Expr.Binary(pickOf(BinaryOp.EQ, BinaryOp.NE), bool(d, ctx), bool(d, ctx));
                case 4:
                    return new Expr.Binary(pickOf(BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE), word(d, ctx),
                            word(d, ctx));
                case 5:
                    return new Expr.Cond(bool(d, ctx), bool(d, ctx), bool(d, ctx));
                case 6: {
                    Expr call = call(Type.BOOL, d, ctx);
                    return call != null ? call : boolLeaf(ctx);
                }
                case 7:
                    if (ctx.spte != null) {
                        return ctx.spte.and(lit(tagMask())).eq(lit(r.nextLong() & 0xff));
                    }
                    return boolLeaf(ctx);
                default:
                    return new Expr.Unary(UnaryOp.LNOT, bool(d, ctx));
            }
        }

        private Expr boolLeaf(Ctx ctx) {
            List<Expr> options = new ArrayList<>();
            options.add(new Expr.BoolLit(r.nextBoolean()));
            ctx.args.forEach((n, t) -> {
                if (t == Type.BOOL) {
                    options.add(arg(n));
                }
            });
            m.boolParams.forEach(pn -> options.add(p(pn)));
            ctx.constants.forEach((n, t) -> {
                if (t == Type.BOOL) {
                    options.add(c(n));
                }
            });
            if (ctx.spte != null) {
                options.add(ctx.spte.and(lit(1L << r.nextInt(64))).nonZero());
            }
            return options.get(r.nextInt(options.size()));
        }

        private Expr call(Type returns, int depth, Ctx ctx) {
            if (!ctx.calls) {
                return null;
            }
            List<Function> candidates = m.functions.values().stream().filter(f -> f.returns() == returns).toList();
            if (candidates.isEmpty()) {
                return null;
            }
            Function f = candidates.get(r.nextInt(candidates.size()));
            List<Expr> actual = new ArrayList<>();
            for (Arg a : f.args()) {
                actual.add(a.type() == Type.BOOL ? bool(depth, ctx) : argValue(a, depth, ctx));
            }
            return new Expr.Call(f.name(), actual);
        }

        /** A word for an argument: in its domain when the domain is a small range (a level). */
        private Expr argValue(Arg a, int depth, Ctx ctx) {
            if (a.domain() instanceof ArgDomain.Range range && !o.wideRanges) {
                if (ctx.args.containsKey(a.name()) && ctx.ranges.containsKey(a.name())
                        && ctx.ranges.get(a.name()).equals(range)) {
                    return arg(a.name());
                }
                return lit(range.min() + r.nextLong(range.max() - range.min() + 1));
            }
            return word(depth, ctx);
        }

        @SafeVarargs
        private <T> T pickOf(T... options) {
            return options[r.nextInt(options.length)];
        }

        private <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }
    }

    /** What an expression may read. */
    private static final class Ctx {
        final Map<String, Type> args = new LinkedHashMap<>();
        final Map<String, ArgDomain.Range> ranges = new LinkedHashMap<>();
        final Map<String, Type> constants;
        Expr spte;
        boolean fields = true;
        boolean calls;

        private Ctx(Map<String, Type> constants) {
            this.constants = new LinkedHashMap<>(constants);
        }

        /** A constant's value: parameters, earlier constants, field masks, enumeration codes. */
        static Ctx constants(Meta m) {
            return new Ctx(m.constants);
        }

        static Ctx staticWithCalls(Meta m) {
            Ctx c = new Ctx(m.constants);
            c.calls = true;
            return c;
        }

        static Ctx function(Meta m, List<Arg> args) {
            Ctx c = new Ctx(m.constants);
            for (Arg a : args) {
                c.args.put(a.name(), a.type());
                if (a.domain() instanceof ArgDomain.Range range) {
                    c.ranges.put(a.name(), range);
                }
                if (a.name().equals("spte")) {
                    c.spte = arg("spte");
                }
            }
            c.calls = true;
            return c;
        }

        static Ctx view(Meta m) {
            Ctx c = function(m, View.args());
            c.ranges.put("level", new ArgDomain.Range(1, 5));
            return c;
        }
    }

    static String describe(Spec spec) {
        return spec.name() + " " + Arrays.toString(spec.profiles().keySet().toArray());
    }
}
