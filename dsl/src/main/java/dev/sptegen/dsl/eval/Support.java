package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.UnaryOp;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bit support of an expression: for each argument, the bits whose value can change the result.
 * The analysis propagates "demanded" output bits down the tree, using the profile's constant
 * values to narrow masks and shifts, and is conservative: a bit it leaves out can never matter.
 * Calls are analysed through the callee's body.
 */
public final class Support {
    private static final long ALL = -1L;
    /** How deep {@link #possibleBitsThroughCalls} follows calls into bodies (bounded even before cycles are ruled out). */
    private static final int CALL_DEPTH = 4;

    private final Interpreter interpreter;
    private final Map<Expr, Boolean> closed = new IdentityHashMap<>();

    public Support(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** The analysis of a profile, shared by everyone who asks through this interpreter. */
    public static Support forProfile(Interpreter interpreter) {
        return interpreter.memo(Support.class, () -> new Support(interpreter));
    }

    /** Support of a function's body, one mask per argument (bit 0 for a boolean argument it reads). */
    public Map<String, Long> of(Function f) {
        return of(f.body(), f.returns() == Type.BOOL ? 1L : ALL);
    }

    /** Support of an expression, for the output bits in {@code demanded}. */
    public Map<String, Long> of(Expr e, long demanded) {
        Map<String, Long> out = new HashMap<>();
        collect(e, demanded, out);
        return out;
    }

    private void collect(Expr e, long demanded, Map<String, Long> out) {
        if (demanded == 0 || isClosed(e)) {
            return;
        }
        e.accept(new Walker(demanded, out));
    }

    /** Whether the expression reads no argument (its value is fixed in the profile). */
    public boolean isClosed(Expr e) {
        Boolean cached = closed.get(e);
        if (cached != null) {
            return cached;
        }
        boolean[] open = {false};
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                open[0] |= x instanceof Expr.ArgRef;
            }
        }.walk(e);
        closed.put(e, !open[0]);
        return !open[0];
    }

    /**
     * Bits the expression can have set for some argument values (all ones when unknown): masks,
     * constant shifts and field reads narrow it. This coarse bound decides the support above, and so
     * the conformance case spaces, and the partial-shift check of validation.
     */
    public long possibleBits(Expr e) {
        return possibleBits(e, false, 0);
    }

    /**
     * {@link #possibleBits}, tighter: calls are bounded through the callee's body ({@link #CALL_DEPTH}
     * deep), and sums, right shifts by an unknown amount and field writes keep the bits they can
     * reach. For arguments in their domains or not, a bit left out is clear.
     */
    public long possibleBitsThroughCalls(Expr e) {
        return possibleBits(e, true, CALL_DEPTH);
    }

    private long possibleBits(Expr e, boolean tight, int depth) {
        if (isClosed(e)) {
            return interpreter.eval(e, Frame.EMPTY);
        } else if (e instanceof Expr.Cond c) {
            return possibleBits(c.then(), tight, depth) | possibleBits(c.otherwise(), tight, depth);
        } else if (e instanceof Expr.Binary b) {
            if (b.op().result() == Type.BOOL) {
                return 1L;
            }
            long l = possibleBits(b.left(), tight, depth);
            switch (b.op()) {
                case OR, XOR:
                    return l | possibleBits(b.right(), tight, depth);
                case AND:
                    return l & possibleBits(b.right(), tight, depth);
                case SHL, SHR:
                    long s = isClosed(b.right()) ? interpreter.eval(b.right(), Frame.EMPTY) : -1;
                    if (s >= 0 && s < 64) {
                        return b.op() == BinaryOp.SHL ? l << s : l >>> s;
                    }
                    // A right shift by any amount keeps no bit above the highest one.
                    return tight && b.op() == BinaryOp.SHR ? upTo(l) : ALL;
                case ADD:
                    if (!tight) {
                        return ALL;
                    }
                    // A carry reaches one bit above the higher operand's highest bit at most.
                    long both = upTo(l | possibleBits(b.right(), tight, depth));
                    return both < 0 ? ALL : both << 1 | 1;
                default:
                    return ALL;
            }
        } else if (e instanceof Expr.FieldGet f) {
            int width = interpreter.field(f.field()).width();
            return width >= 64 ? ALL : (1L << width) - 1;
        } else if (e instanceof Expr.FieldPut f && tight) {
            long mask = interpreter.field(f.field()).mask();
            return possibleBits(f.word(), tight, depth) & ~mask | mask;
        } else if (e instanceof Expr.Unary u && u.op() == UnaryOp.LNOT) {
            return 1L;
        } else if (e instanceof Expr.Call c && tight && depth > 0) {
            // The callee's body with unknown arguments bounds the call whatever it is passed.
            return possibleBits(interpreter.function(c.function()).body(), tight, depth - 1);
        }
        return ALL;
    }

    private static long upTo(long demanded) {
        // Carries run upwards: every bit at or below the highest demanded bit can matter.
        return demanded == 0 ? 0 : ALL >>> Long.numberOfLeadingZeros(demanded);
    }

    private final class Walker implements ExprVisitor<Void> {
        private final long demanded;
        private final Map<String, Long> out;

        Walker(long demanded, Map<String, Long> out) {
            this.demanded = demanded;
            this.out = out;
        }

        private void sub(Expr e, long d) {
            collect(e, d, out);
        }

        private long value(Expr e) {
            return interpreter.eval(e, Frame.EMPTY);
        }

        @Override
        public Void lit(Expr.Lit e) {
            return null;
        }

        @Override
        public Void boolLit(Expr.BoolLit e) {
            return null;
        }

        @Override
        public Void paramRef(Expr.ParamRef e) {
            return null;
        }

        @Override
        public Void constRef(Expr.ConstRef e) {
            return null;
        }

        @Override
        public Void argRef(Expr.ArgRef e) {
            out.merge(e.name(), demanded, (a, b) -> a | b);
            return null;
        }

        @Override
        public Void enumLit(Expr.EnumLit e) {
            return null;
        }

        @Override
        public Void unary(Expr.Unary e) {
            sub(e.operand(), switch (e.op()) {
                case NOT -> demanded;
                case LNOT -> ALL;
            });
            return null;
        }

        @Override
        public Void binary(Expr.Binary e) {
            Expr l = e.left();
            Expr r = e.right();
            switch (e.op()) {
                case AND -> {
                    // A bit of one side matters only where the other side can be 1.
                    sub(l, demanded & possibleBits(r));
                    sub(r, demanded & possibleBits(l));
                }
                case OR -> {
                    if (isClosed(r)) {
                        sub(l, demanded & ~value(r));
                    } else if (isClosed(l)) {
                        sub(r, demanded & ~value(l));
                    } else {
                        sub(l, demanded);
                        sub(r, demanded);
                    }
                }
                case XOR -> {
                    sub(l, demanded);
                    sub(r, demanded);
                }
                case SHL, SHR -> {
                    if (isClosed(r)) {
                        long s = value(r);
                        if (s >= 0 && s < 64) {
                            sub(l, e.op() == BinaryOp.SHL ? demanded >>> s : demanded << s);
                            return null;
                        }
                    }
                    sub(l, ALL);
                    sub(r, ALL);
                }
                case ADD, SUB, MUL -> {
                    sub(l, upTo(demanded));
                    sub(r, upTo(demanded));
                }
                default -> {
                    // Comparisons and logical operators read their operands whole.
                    sub(l, ALL);
                    sub(r, ALL);
                }
            }
            return null;
        }

        @Override
        public Void cond(Expr.Cond e) {
            if (isClosed(e.test())) {
                sub(value(e.test()) != 0 ? e.then() : e.otherwise(), demanded);
            } else {
                sub(e.test(), ALL);
                sub(e.then(), demanded);
                sub(e.otherwise(), demanded);
            }
            return null;
        }

        @Override
        public Void call(Expr.Call e) {
            Function f = interpreter.layout().function(e.function());
            Map<String, Long> inner = of(f.body(), demanded);
            List<Expr> args = e.args();
            for (int i = 0; i < args.size(); i++) {
                Long d = inner.get(f.args().get(i).name());
                if (d != null) {
                    sub(args.get(i), d);
                }
            }
            return null;
        }

        @Override
        public Void genmask(Expr.Genmask e) {
            sub(e.high(), ALL);
            sub(e.low(), ALL);
            return null;
        }

        @Override
        public Void fieldGet(Expr.FieldGet e) {
            FieldBits bits = interpreter.field(e.field());
            // Output bit i of the field value comes from one word bit; demand exactly those.
            sub(e.word(), bits.put(0, demanded));
            return null;
        }

        @Override
        public Void fieldPut(Expr.FieldPut e) {
            FieldBits bits = interpreter.field(e.field());
            sub(e.word(), demanded & ~bits.mask());
            sub(e.value(), bits.get(demanded));
            return null;
        }

        @Override
        public Void fieldMask(Expr.FieldMask e) {
            return null;
        }
    }
}
