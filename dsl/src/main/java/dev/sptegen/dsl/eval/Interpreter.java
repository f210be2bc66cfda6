package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BitRange;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final Map<Function, String[]> argNames = new HashMap<>();
    private final Map<Expr.EnumLit, Long> enumCodes = new HashMap<>();
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
        return e.accept(new Evaluator(frame));
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

    private final class Evaluator implements ExprVisitor<Long> {
        private final Frame frame;

        Evaluator(Frame frame) {
            this.frame = frame;
        }

        private long of(Expr e) {
            return e.accept(this);
        }

        @Override
        public Long lit(Expr.Lit e) {
            return e.value();
        }

        @Override
        public Long boolLit(Expr.BoolLit e) {
            return e.value() ? 1L : 0L;
        }

        @Override
        public Long paramRef(Expr.ParamRef e) {
            return param(e.name());
        }

        @Override
        public Long constRef(Expr.ConstRef e) {
            return constant(e.name());
        }

        @Override
        public Long argRef(Expr.ArgRef e) {
            return frame.get(e.name());
        }

        @Override
        public Long enumLit(Expr.EnumLit e) {
            Long cached = enumCodes.get(e);
            if (cached != null) {
                return cached;
            }
            long code = enumCode(e);
            enumCodes.put(e, code);
            return code;
        }

        private long enumCode(Expr.EnumLit e) {
            EnumType type = spec.enums().get(e.enumName());
            if (type == null) {
                throw new EvalException("unknown enum '" + e.enumName() + "'");
            }
            return type.byName(e.valueName())
                    .orElseThrow(() -> new EvalException("enum " + e.enumName() + " has no value '" + e.valueName() + "'"))
                    .code();
        }

        @Override
        public Long unary(Expr.Unary e) {
            long v = of(e.operand());
            return switch (e.op()) {
                case NOT -> ~v;
                case LNOT -> v == 0 ? 1L : 0L;
            };
        }

        @Override
        public Long binary(Expr.Binary e) {
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

        @Override
        public Long cond(Expr.Cond e) {
            return of(e.test()) != 0 ? of(e.then()) : of(e.otherwise());
        }

        @Override
        public Long call(Expr.Call e) {
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

        @Override
        public Long genmask(Expr.Genmask e) {
            long high = of(e.high());
            long low = of(e.low());
            if (high < 0 || high > 63 || low < 0 || low > high) {
                throw new EvalException("GENMASK(" + high + ", " + low + ") is not a range of bits 0..63");
            }
            return Bits.range((int) high, (int) low);
        }

        @Override
        public Long fieldGet(Expr.FieldGet e) {
            return field(e.field()).get(of(e.word()));
        }

        @Override
        public Long fieldPut(Expr.FieldPut e) {
            return field(e.field()).put(of(e.word()), of(e.value()));
        }

        @Override
        public Long fieldMask(Expr.FieldMask e) {
            return field(e.field()).mask();
        }
    }
}
