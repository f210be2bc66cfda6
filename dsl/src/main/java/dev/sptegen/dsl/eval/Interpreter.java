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
 * plain: no folding, no caching beyond constant and field values and what is found by name, booleans
 * as 0 and 1. Expressions run as {@link Closures}: each node translated once into the operation it
 * names.
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
    private final Map<Object, Object> memo = new HashMap<>();
    private final Closures closures = new Closures(this);
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
        return invoke(function(name), args.clone());
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
        return f.requires().isEmpty() || closures.of(f.requires().get(), namesOf(f)).run(args.clone()) != 0;
    }

    private String[] namesOf(Function f) {
        return argNames.computeIfAbsent(f, x -> Frame.names(x.args()));
    }

    public boolean test(Expr condition, Frame frame) {
        return eval(condition, frame) != 0;
    }

    public long eval(Expr e, Frame frame) {
        return closures.of(e, frame.names()).run(frame.values());
    }

    Function function(String name) {
        Function f = layout.functions().get(name);
        if (f == null) {
            throw new EvalException("unknown function '" + name + "'");
        }
        return f;
    }

    /** Runs a function's body over argument values the caller does not change afterwards. */
    private long invoke(Function f, long[] args) {
        return invoke(f, body(f), args);
    }

    /** The code of a function's body, for callers that keep it. */
    Closures.Code body(Function f) {
        return closures.body(f, namesOf(f));
    }

    /** Runs a body kept by a call site; the depth limit turns runaway recursion into an error. */
    long invoke(Function f, Closures.Code body, long[] args) {
        if (depth >= MAX_CALL_DEPTH) {
            throw new EvalException("calls nested deeper than " + MAX_CALL_DEPTH + " (recursion through " + f.name() + "?)");
        }
        depth++;
        try {
            return body.run(args);
        } finally {
            depth--;
        }
    }

    long enumCode(Expr.EnumLit e) {
        EnumType type = spec.enums().get(e.enumName());
        if (type == null) {
            throw new EvalException("unknown enum '" + e.enumName() + "'");
        }
        return type.byName(e.valueName())
                .orElseThrow(() -> new EvalException("enum " + e.enumName() + " has no value '" + e.valueName() + "'"))
                .code();
    }

    /** A shift amount, or the evaluation error every shift outside 0..63 raises. */
    public static long shiftAmount(long amount) {
        if (amount < 0 || amount > 63) {
            throw new EvalException("shift by " + Long.toUnsignedString(amount) + " is outside 0..63");
        }
        return amount;
    }

    static long genmask(long high, long low) {
        if (high < 0 || high > 63 || low < 0 || low > high) {
            throw new EvalException("GENMASK(" + high + ", " + low + ") is not a range of bits 0..63");
        }
        return Bits.range((int) high, (int) low);
    }
}
