package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BitRange;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference semantics: evaluates any expression of a spec in one profile, straight from the
 * model. It is the oracle every generated runtime is tested against, so it stays deliberately
 * plain: no folding, no caching beyond constant and field values, booleans as 0 and 1.
 */
public final class Interpreter {
    private static final int MAX_CALL_DEPTH = 64;

    private final Spec spec;
    private final Profile profile;
    private final Layout layout;
    private final Map<String, Long> params;
    private final Map<String, Long> constants = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();
    private final Map<String, FieldBits> fields = new HashMap<>();
    // Keyed by identity: a record's hash walks its whole tree, on every call.
    private final Map<Function, String[]> argNames = new IdentityHashMap<>();
    private final Map<Expr.EnumLit, Long> enumCodes = new IdentityHashMap<>();
    private final Map<Object, Object> memo = new HashMap<>();
    private int depth;

    public Interpreter(Spec spec, Profile profile) {
        this.spec = spec;
        this.profile = profile;
        this.layout = spec.layout(profile);
        this.params = spec.parameterValues(profile);
    }

    public Interpreter(Spec spec, String profileName) {
        this(spec, spec.profile(profileName));
    }

    public Spec spec() {
        return spec;
    }

    public Profile profile() {
        return profile;
    }

    public Layout layout() {
        return layout;
    }

    public long param(String name) {
        Long v = params.get(name);
        if (v == null) {
            throw new EvalException("unknown parameter '" + name + "'");
        }
        return v;
    }

    /** The value of a constant (0/1 for flags). */
    public long constant(String name) {
        Long cached = constants.get(name);
        if (cached != null) {
            return cached;
        }
        Constant c = layout.constants().get(name);
        if (c == null) {
            throw new EvalException("unknown constant '" + name + "'");
        }
        if (!evaluating.add(name)) {
            List<String> chain = new ArrayList<>(evaluating);
            chain = chain.subList(chain.indexOf(name), chain.size());
            throw new EvalException("cyclic definition: " + String.join(" -> ", chain) + " -> " + name);
        }
        try {
            long value = eval(c.value(), Frame.EMPTY);
            constants.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    /** The bits of a field in this profile. */
    public FieldBits field(String name) {
        FieldBits cached = fields.get(name);
        if (cached != null) {
            return cached;
        }
        Field f = layout.fields().get(name);
        if (f == null) {
            throw new EvalException("unknown field '" + name + "'");
        }
        List<FieldBits.Part> parts = new ArrayList<>();
        for (BitRange r : f.parts()) {
            long low = eval(r.low(), Frame.EMPTY);
            long high = eval(r.high(), Frame.EMPTY);
            if (low < 0 || high > 63) {
                throw new EvalException("field " + name + ": bits " + low + ".." + high + " reach outside bits 0..63");
            }
            if (low > high) {
                throw new EvalException("field " + name + ": bits " + low + ".." + high + " are an empty range (low end above high end)");
            }
            parts.add(new FieldBits.Part((int) low, (int) high));
        }
        FieldBits bits = new FieldBits(name, parts);
        fields.put(name, bits);
        return bits;
    }

    /** Calls a function; booleans are returned as 0 or 1. */
    public long call(String name, long... args) {
        Function f = function(name);
        return invoke(f, Frame.shared(namesOf(f), args.clone()));
    }

    /**
     * A value derived from this profile once and kept with it (the bit-support analysis, the SPTEs a
     * view's makers produce), so emitters and checks that ask again do not recompute it.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object cached = memo.get(key);
        if (cached == null) {
            cached = compute.get();
            memo.put(key, cached);
        }
        return (T) cached;
    }

    /** Whether the arguments satisfy the function's precondition. */
    public boolean admits(String name, long... args) {
        Function f = function(name);
        return f.requires().isEmpty() || eval(f.requires().get(), Frame.shared(namesOf(f), args.clone())) != 0;
    }

    private String[] namesOf(Function f) {
        return argNames.computeIfAbsent(f, x -> Frame.names(x.args()));
    }

    public boolean test(Expr condition, Frame frame) {
        return eval(condition, frame) != 0;
    }

    public long eval(Expr e, Frame frame) {
        return new Evaluator(frame).of(e);
    }

    private Function function(String name) {
        Function f = layout.functions().get(name);
        if (f == null) {
            throw new EvalException("unknown function '" + name + "'");
        }
        return f;
    }

    private long invoke(Function f, Frame frame) {
        if (depth >= MAX_CALL_DEPTH) {
            throw new EvalException("calls nested deeper than " + MAX_CALL_DEPTH + " (recursion through " + f.name() + "?)");
        }
        depth++;
        try {
            return eval(f.body(), frame);
        } finally {
            depth--;
        }
    }

    private static long shiftAmount(long amount) {
        if (amount < 0 || amount > 63) {
            throw new EvalException("shift by " + Long.toUnsignedString(amount) + " is outside 0..63");
        }
        return amount;
    }

    /**
     * Evaluates one expression tree in one frame. Plain dispatch on the node's class returning a
     * primitive, so that nothing is boxed on the way.
     */
    private final class Evaluator {
        private final Frame frame;

        Evaluator(Frame frame) {
            this.frame = frame;
        }

        long of(Expr e) {
            if (e instanceof Expr.Lit l) {
                return l.value();
            } else if (e instanceof Expr.ArgRef a) {
                return frame.get(a.name());
            } else if (e instanceof Expr.ConstRef c) {
                return constant(c.name());
            } else if (e instanceof Expr.Binary b) {
                return binary(b);
            } else if (e instanceof Expr.Unary u) {
                return unary(u);
            } else if (e instanceof Expr.Cond c) {
                return of(c.test()) != 0 ? of(c.then()) : of(c.otherwise());
            } else if (e instanceof Expr.Call c) {
                return call(c);
            } else if (e instanceof Expr.BoolLit b) {
                return b.value() ? 1L : 0L;
            } else if (e instanceof Expr.ParamRef p) {
                return param(p.name());
            } else if (e instanceof Expr.EnumLit l) {
                return enumLit(l);
            } else if (e instanceof Expr.Genmask g) {
                return genmask(g);
            } else if (e instanceof Expr.FieldGet f) {
                return field(f.field()).get(of(f.word()));
            } else if (e instanceof Expr.FieldPut f) {
                return field(f.field()).put(of(f.word()), of(f.value()));
            }
            return field(((Expr.FieldMask) e).field()).mask();
        }

        private long enumLit(Expr.EnumLit e) {
            Long cached = enumCodes.get(e);
            if (cached != null) {
                return cached;
            }
            EnumType type = spec.enums().get(e.enumName());
            if (type == null) {
                throw new EvalException("unknown enum '" + e.enumName() + "'");
            }
            long code = type.byName(e.valueName())
                    .orElseThrow(() -> new EvalException("enum " + e.enumName() + " has no value '" + e.valueName() + "'"))
                    .code();
            enumCodes.put(e, code);
            return code;
        }

        private long unary(Expr.Unary e) {
            long v = of(e.operand());
            return switch (e.op()) {
                case NOT -> ~v;
                case LNOT -> v == 0 ? 1L : 0L;
            };
        }

        private long binary(Expr.Binary e) {
            long a = of(e.left());
            // Logical operators short-circuit, as in the emitted code.
            switch (e.op()) {
                case LAND:
                    return a == 0 ? 0L : (of(e.right()) != 0 ? 1L : 0L);
                case LOR:
                    return a != 0 ? 1L : (of(e.right()) != 0 ? 1L : 0L);
                default:
                    break;
            }
            long b = of(e.right());
            return switch (e.op()) {
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case SHL -> a << shiftAmount(b);
                case SHR -> a >>> shiftAmount(b);
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case EQ -> a == b ? 1L : 0L;
                case NE -> a != b ? 1L : 0L;
                case LT -> Long.compareUnsigned(a, b) < 0 ? 1L : 0L;
                case LE -> Long.compareUnsigned(a, b) <= 0 ? 1L : 0L;
                case GT -> Long.compareUnsigned(a, b) > 0 ? 1L : 0L;
                case GE -> Long.compareUnsigned(a, b) >= 0 ? 1L : 0L;
                case LAND, LOR -> throw new AssertionError(e.op());
            };
        }

        private long call(Expr.Call e) {
            Function f = function(e.function());
            if (f.args().size() != e.args().size()) {
                throw new EvalException(f.name() + " takes " + f.args().size() + " argument(s), called with "
                        + e.args().size());
            }
            long[] values = new long[e.args().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = of(e.args().get(i));
            }
            return invoke(f, Frame.shared(namesOf(f), values));
        }

        private long genmask(Expr.Genmask e) {
            long high = of(e.high());
            long low = of(e.low());
            if (high < 0 || high > 63 || low < 0 || low > high) {
                throw new EvalException("GENMASK(" + high + ", " + low + ") is not a range of bits 0..63");
            }
            return Bits.range((int) high, (int) low);
        }
    }
}
