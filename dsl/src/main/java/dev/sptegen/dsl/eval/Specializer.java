package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprTransformer;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.UnaryOp;
import java.util.List;

/**
 * Folds an expression for one profile, so emitted code has no parameter, no branch a constant
 * decides, and no operation with a neutral operand. Named constants stay named (the emitters print
 * them as constants, and the compilers fold them); every other sub-expression that reads no
 * argument becomes a literal. The result evaluates to the same value as the input for every
 * argument (tested against the interpreter on every bundled function).
 */
public final class Specializer {
    private final Interpreter in;
    private final Support support;
    private final Implications implications;

    public Specializer(Interpreter in) {
        this.in = in;
        this.support = Support.forProfile(in);
        this.implications = new Implications(in, new CallInliner(in, this));
    }

    public Expr specialize(Expr e) {
        return new Folder().transform(e);
    }

    /** The specialized body of one of the layout's functions, folded once per profile and kept. */
    public Expr body(Function f) {
        return in.memo(List.of("specialized-body", f.name()), () -> specialize(f.body()));
    }

    /** Whether a sub-expression is a combination of named constants that the target compiler folds itself. */
    private static boolean symbolic(Expr e) {
        if (e instanceof Expr.ConstRef || e instanceof Expr.Lit || e instanceof Expr.EnumLit) {
            return true;
        } else if (e instanceof Expr.Unary u) {
            return u.op() == UnaryOp.NOT && symbolic(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case AND, OR, XOR -> symbolic(b.left()) && symbolic(b.right());
                case SHL -> symbolic(b.left()) && b.right() instanceof Expr.Lit;
                default -> false;
            };
        }
        return false;
    }

    private final class Folder extends ExprTransformer {

        private Expr literal(Expr original) {
            long v = in.eval(original, Frame.EMPTY);
            return type(original) == Type.BOOL ? new Expr.BoolLit(v != 0) : new Expr.Lit(v);
        }

        private Type type(Expr e) {
            if (e instanceof Expr.BoolLit) {
                return Type.BOOL;
            } else if (e instanceof Expr.ParamRef p) {
                return in.spec().parameters().get(p.name()).type();
            } else if (e instanceof Expr.ConstRef c) {
                return in.layout().constant(c.name()).type();
            } else if (e instanceof Expr.Unary u) {
                return u.op().result();
            } else if (e instanceof Expr.Binary b) {
                return b.op().result();
            } else if (e instanceof Expr.Cond c) {
                return type(c.then());
            } else if (e instanceof Expr.Call c) {
                return in.layout().function(c.function()).returns();
            }
            return Type.U64;
        }

        private Expr closedOrElse(Expr original, Expr rebuilt) {
            if (support.isClosed(original) && !symbolic(rebuilt)) {
                return literal(original);
            }
            return rebuilt;
        }

        /** The value of a closed sub-expression, if it has one. */
        private Long known(Expr e) {
            if (e instanceof Expr.Lit l) {
                return l.value();
            } else if (e instanceof Expr.BoolLit b) {
                return b.value() ? 1L : 0L;
            }
            return support.isClosed(e) ? in.eval(e, Frame.EMPTY) : null;
        }

        @Override
        public Expr paramRef(Expr.ParamRef e) {
            return literal(e);
        }

        @Override
        public Expr genmask(Expr.Genmask e) {
            return support.isClosed(e) ? literal(e) : super.genmask(e);
        }

        @Override
        public Expr fieldMask(Expr.FieldMask e) {
            return literal(e);
        }

        @Override
        public Expr unary(Expr.Unary e) {
            Expr x = transform(e.operand());
            if (e.op() == UnaryOp.LNOT && x instanceof Expr.Unary inner && inner.op() == UnaryOp.LNOT) {
                return inner.operand();
            }
            Expr rebuilt = new Expr.Unary(e.op(), x);
            return closedOrElse(rebuilt, rebuilt);
        }

        @Override
        public Expr cond(Expr.Cond e) {
            Expr t = transform(e.test());
            Long test = known(t);
            if (test != null) {
                return transform(test != 0 ? e.then() : e.otherwise());
            }
            Expr then = assuming(transform(e.then()), t, true);
            Expr otherwise = assuming(transform(e.otherwise()), t, false);
            if (then.equals(otherwise)) {
                return then;
            }
            Expr logical = logical(t, then, otherwise);
            if (logical != null) {
                return logical;
            }
            Expr rebuilt = new Expr.Cond(t, then, otherwise);
            return closedOrElse(rebuilt, rebuilt);
        }

        /**
         * A choice between a condition and {@code true} or {@code false} as {@code &&} or {@code ||}:
         * {@code c ? x : false} is {@code c && x} (expressions have no side effects). Null otherwise.
         */
        private Expr logical(Expr t, Expr then, Expr otherwise) {
            if (then instanceof Expr.BoolLit b) {
                Expr test = b.value() ? t : negated(t);
                return binaryOf(b.value() ? BinaryOp.LOR : BinaryOp.LAND, test, otherwise);
            }
            if (otherwise instanceof Expr.BoolLit b) {
                Expr test = b.value() ? negated(t) : t;
                return binaryOf(b.value() ? BinaryOp.LOR : BinaryOp.LAND, test, then);
            }
            return null;
        }

        private Expr negated(Expr t) {
            return t instanceof Expr.Unary u && u.op() == UnaryOp.LNOT ? u.operand() : new Expr.Unary(UnaryOp.LNOT, t);
        }

        private Expr binaryOf(BinaryOp op, Expr l, Expr r) {
            Expr simple = simplify(op, l, r, known(l), known(r));
            return simple != null ? simple : new Expr.Binary(op, l, r);
        }

        /**
         * A branch with the conditions its test decides replaced by their values, folded again if any
         * was. Only for a test that calls a predicate: a flag or a comparison tested again is plain
         * for any compiler, while a predicate asked again through another one (NPT's
         * {@code is_access_track_spte} is {@code !spte_ad_enabled}) needs the bodies to see.
         */
        private Expr assuming(Expr branch, Expr test, boolean holds) {
            boolean predicate = test instanceof Expr.Call
                    || test instanceof Expr.Unary u && u.op() == UnaryOp.LNOT && u.operand() instanceof Expr.Call;
            if (!predicate) {
                return branch;
            }
            Expr decided = implications.assume(branch, test, holds);
            return decided == branch ? branch : transform(decided);
        }

        @Override
        public Expr binary(Expr.Binary e) {
            Expr l = transform(e.left());
            Expr r = transform(e.right());
            Long lv = known(l);
            Long rv = known(r);
            Expr simple = simplify(e.op(), l, r, lv, rv);
            if (simple != null) {
                return simple;
            }
            Expr rebuilt = new Expr.Binary(e.op(), l, r);
            return closedOrElse(rebuilt, rebuilt);
        }

        /** Neutral and absorbing operands; null if none applies. */
        private Expr simplify(BinaryOp op, Expr l, Expr r, Long lv, Long rv) {
            switch (op) {
                case AND:
                    if (isValue(lv, 0) || isValue(rv, 0)) {
                        return new Expr.Lit(0);
                    }
                    return isValue(rv, -1) ? l : isValue(lv, -1) ? r : null;
                case OR:
                case XOR:
                    return isValue(rv, 0) ? l : isValue(lv, 0) ? r : null;
                case SHL:
                case SHR:
                case ADD:
                case SUB:
                    return isValue(rv, 0) ? l : null;
                case LAND:
                    if (isValue(lv, 0) || isValue(rv, 0)) {
                        return new Expr.BoolLit(false);
                    }
                    return isValue(lv, 1) ? r : isValue(rv, 1) ? l : null;
                case LOR:
                    if (isValue(lv, 1) || isValue(rv, 1)) {
                        return new Expr.BoolLit(true);
                    }
                    return isValue(lv, 0) ? r : isValue(rv, 0) ? l : null;
                case EQ:
                case NE:
                    Expr flag = flagAgainstLiteral(op, l, r);
                    if (flag != null) {
                        return flag;
                    }
                    Boolean equal = decidedEquality(l, r, lv, rv);
                    return equal == null ? null : new Expr.BoolLit(equal == (op == BinaryOp.EQ));
                // Unsigned: nothing is below 0 or above all ones; and x compared with itself (C
                // compilers warn about both).
                case LE:
                    return isValue(lv, 0) || isValue(rv, -1) || same(l, r, lv, rv) ? new Expr.BoolLit(true) : null;
                case GE:
                    return isValue(rv, 0) || isValue(lv, -1) || same(l, r, lv, rv) ? new Expr.BoolLit(true) : null;
                case LT:
                    return isValue(rv, 0) || isValue(lv, -1) || same(l, r, lv, rv) ? new Expr.BoolLit(false) : null;
                case GT:
                    return isValue(lv, 0) || isValue(rv, -1) || same(l, r, lv, rv) ? new Expr.BoolLit(false) : null;
                default:
                    return null;
            }
        }

        /**
         * A flag compared with {@code true} or {@code false} is the flag or its negation: printers
         * write {@code b != false} as {@code b}, so the comparison must not survive around it (in C,
         * {@code (b != false) == b} would print as {@code b == b}, a self-comparison gcc rejects).
         */
        private Expr flagAgainstLiteral(BinaryOp op, Expr l, Expr r) {
            Expr flag = r instanceof Expr.BoolLit ? l : l instanceof Expr.BoolLit ? r : null;
            if (flag == null || flag instanceof Expr.BoolLit) {
                return null;
            }
            boolean literal = ((Expr.BoolLit) (flag == l ? r : l)).value();
            return (op == BinaryOp.EQ) == literal ? flag : negated(flag);
        }

        /**
         * Whether two operands are equal when their known bits decide it, as C compilers see it (and
         * warn): {@code x == x}; a value compared with a constant that has a bit the value cannot have
         * ({@code (x & M) == V} with V outside M) or lacks a bit the value always has.
         */
        private Boolean decidedEquality(Expr l, Expr r, Long lv, Long rv) {
            if (lv == null && rv == null) {
                return l.equals(r) ? Boolean.TRUE : null;
            }
            if (lv != null && rv != null) {
                return null;
            }
            long v = lv == null ? rv : lv;
            long[] b = knownBits(lv == null ? l : r);
            return (v & ~b[0]) != 0 || (b[1] & ~v) != 0 ? Boolean.FALSE : null;
        }

        /** {bits that may be 1, bits that are always 1} in every value of a word expression. */
        private long[] knownBits(Expr e) {
            Long k = known(e);
            if (k != null) {
                return new long[] {k, k};
            }
            if (e instanceof Expr.Binary b) {
                long[] x = knownBits(b.left());
                long[] y = knownBits(b.right());
                Long n = known(b.right());
                switch (b.op()) {
                    case AND:
                        return new long[] {x[0] & y[0], x[1] & y[1]};
                    case OR:
                        return new long[] {x[0] | y[0], x[1] | y[1]};
                    case XOR:
                        return new long[] {x[0] | y[0], (x[1] & ~y[0]) | (y[1] & ~x[0])};
                    case SHL:
                        return n != null && n >= 0 && n < 64 ? new long[] {x[0] << n, x[1] << n} : new long[] {-1L, 0};
                    case SHR:
                        return n != null && n >= 0 && n < 64 ? new long[] {x[0] >>> n, x[1] >>> n} : new long[] {-1L, 0};
                    default:
                        return new long[] {-1L, 0};
                }
            } else if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
                long[] x = knownBits(u.operand());
                return new long[] {~x[1], ~x[0]};
            } else if (e instanceof Expr.Cond c) {
                long[] x = knownBits(c.then());
                long[] y = knownBits(c.otherwise());
                return new long[] {x[0] | y[0], x[1] & y[1]};
            } else if (e instanceof Expr.FieldGet g) {
                int width = in.field(g.field()).width();
                return new long[] {width >= 64 ? -1L : (1L << width) - 1, 0};
            } else if (e instanceof Expr.FieldPut p) {
                long mask = in.field(p.field()).mask();
                long[] w = knownBits(p.word());
                Long v = known(p.value());
                long placed = v == null ? 0 : in.field(p.field()).put(0, v);
                return new long[] {(w[0] & ~mask) | (v == null ? mask : placed), (w[1] & ~mask) | placed};
            }
            return new long[] {-1L, 0};
        }

        /** Two operands that are the same expression of the arguments (expressions have no side effects). */
        private boolean same(Expr l, Expr r, Long lv, Long rv) {
            return lv == null && rv == null && l.equals(r);
        }

        private boolean isValue(Long v, long expected) {
            return v != null && v == expected;
        }

        @Override
        public Expr call(Expr.Call e) {
            return closedOrElse(e, super.call(e));
        }

        @Override
        public Expr fieldGet(Expr.FieldGet e) {
            return closedOrElse(e, super.fieldGet(e));
        }

        @Override
        public Expr fieldPut(Expr.FieldPut e) {
            return closedOrElse(e, super.fieldPut(e));
        }
    }
}
