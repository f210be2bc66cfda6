package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.ExprWalker;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.UnaryOp;

/**
 * The bits an expression's value can have set on one profile, whatever the arguments (in their
 * domains or not): an over-approximation, so a bit reported clear is clear for every argument. The
 * Java emitter uses it to prove a tested word below 2^63, where a cheaper exact zero test exists.
 */
public final class PossibleBits {
    /** How deep calls are followed into their bodies; deeper calls count as any word. */
    private static final int CALL_DEPTH = 4;

    private final Interpreter in;

    public PossibleBits(Interpreter in) {
        this.in = in;
    }

    /** A mask holding every bit that {@code e} can set. */
    public long of(Expr e) {
        return of(e, CALL_DEPTH);
    }

    private long of(Expr e, int depth) {
        if (argumentFree(e)) {
            // A profile constant: its exact bits.
            return in.eval(e, Frame.EMPTY);
        }
        return e.accept(new Rules(depth));
    }

    /** No argument and no call: the value is fixed on the profile. */
    private static boolean argumentFree(Expr e) {
        boolean[] free = {true};
        new ExprWalker() {
            @Override
            protected void visit(Expr x) {
                free[0] &= !(x instanceof Expr.ArgRef) && !(x instanceof Expr.Call);
            }
        }.walk(e);
        return free[0];
    }

    /** Every bit at or below the highest bit of {@code m}. */
    private static long below(long m) {
        return m == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(m);
    }

    /** The rules for expressions that depend on arguments. */
    private final class Rules implements ExprVisitor<Long> {
        private static final long ANY = -1L;
        private final int depth;

        Rules(int depth) {
            this.depth = depth;
        }

        private long sub(Expr e) {
            return of(e, depth);
        }

        /** A shift amount fixed on the profile, or -1 (an amount outside 0..63 never evaluates). */
        private long amount(Expr e) {
            long k = argumentFree(e) ? in.eval(e, Frame.EMPTY) : -1;
            return k >= 0 && k <= 63 ? k : -1;
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
            return in.eval(e, Frame.EMPTY);
        }

        @Override
        public Long constRef(Expr.ConstRef e) {
            return in.eval(e, Frame.EMPTY);
        }

        @Override
        public Long argRef(Expr.ArgRef e) {
            return ANY;
        }

        @Override
        public Long enumLit(Expr.EnumLit e) {
            return in.enumCode(e);
        }

        @Override
        public Long unary(Expr.Unary e) {
            return e.op() == UnaryOp.LNOT ? 1L : ANY;
        }

        @Override
        public Long binary(Expr.Binary e) {
            BinaryOp op = e.op();
            if (op.result() == Type.BOOL) {
                return 1L;
            }
            return switch (op) {
                case AND -> sub(e.left()) & sub(e.right());
                case OR, XOR -> sub(e.left()) | sub(e.right());
                case SHL -> {
                    long k = amount(e.right());
                    yield k < 0 ? ANY : sub(e.left()) << k;
                }
                case SHR -> {
                    long k = amount(e.right());
                    long l = sub(e.left());
                    yield k < 0 ? below(l) : l >>> k;
                }
                case ADD -> {
                    // A carry reaches one bit above the higher operand's highest bit at most.
                    long both = below(sub(e.left()) | sub(e.right()));
                    yield both < 0 ? ANY : both << 1 | 1;
                }
                default -> ANY;
            };
        }

        @Override
        public Long cond(Expr.Cond e) {
            return sub(e.then()) | sub(e.otherwise());
        }

        @Override
        public Long call(Expr.Call e) {
            // The callee's body with unknown arguments bounds the call whatever it is passed.
            return depth == 0 ? ANY : of(in.function(e.function()).body(), depth - 1);
        }

        @Override
        public Long genmask(Expr.Genmask e) {
            return ANY;
        }

        @Override
        public Long fieldGet(Expr.FieldGet e) {
            int width = in.field(e.field()).width();
            return width >= 64 ? ANY : (1L << width) - 1;
        }

        @Override
        public Long fieldPut(Expr.FieldPut e) {
            long mask = in.field(e.field()).mask();
            return sub(e.word()) & ~mask | mask;
        }

        @Override
        public Long fieldMask(Expr.FieldMask e) {
            return in.field(e.field()).mask();
        }
    }
}
