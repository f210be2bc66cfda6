package dev.sptegen.gen.c;

import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Prints a profile-specialized expression as C. Every nested operation is parenthesized unless it
 * repeats an associative parent operator, so gcc's -Wparentheses never fires and nobody has to
 * remember C's precedence table. Words are u64 with ULL literals; booleans are bool. Long
 * expressions are broken at operators, continuation lines aligned after the open parenthesis (the
 * kernel's checkpatch rule), with tabs for every full 8 columns.
 */
public final class CExprPrinter {
    /** Longest line checkpatch accepts. */
    public static final int WIDTH = 100;

    private final Interpreter in;
    private final UnaryOperator<String> constants;
    private final UnaryOperator<String> functions;

    /**
     * @param in resolves field positions and enum codes for the profile
     * @param constants C name of a constant reference
     * @param functions C name of a called function
     */
    public CExprPrinter(Interpreter in, UnaryOperator<String> constants, UnaryOperator<String> functions) {
        this.in = in;
        this.constants = constants;
        this.functions = functions;
    }

    /** The expression on one line. */
    public String flat(Expr e) {
        return Doc.flat(doc(e));
    }

    /**
     * The expression starting at {@code column}, followed by {@code trail} more characters on its last
     * line; continuation lines carry their own indentation.
     */
    public String wrapped(Expr e, int column, int trail) {
        return Doc.render(doc(e), column, trail);
    }

    /** The document of an expression, for callers that lay out bigger constructs. */
    public Doc doc(Expr e) {
        return e.accept(new Converter());
    }

    /** A C literal for a word: decimal below 10, else hex, always ULL. */
    public static String literal(long v) {
        return (v >= 0 && v < 10 ? Long.toString(v) : "0x" + Long.toHexString(v)) + "ULL";
    }

    /** A word as the kernel writes masks: {@code BIT_ULL(11)}, {@code GENMASK_ULL(51, 12)}, ORed. */
    public static String mask(long v) {
        if (v == 0) {
            return "0ULL";
        }
        List<String> parts = new ArrayList<>();
        int bit = 63;
        while (bit >= 0) {
            if ((v >>> bit & 1) == 0) {
                bit--;
                continue;
            }
            int high = bit;
            while (bit >= 0 && (v >>> bit & 1) != 0) {
                bit--;
            }
            int low = bit + 1;
            parts.add(high == low ? "BIT_ULL(" + high + ")" : "GENMASK_ULL(" + high + ", " + low + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" | ", parts) + ")";
    }

    private static boolean comparison(BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private static boolean associative(BinaryOp op) {
        return switch (op) {
            case AND, OR, XOR, ADD, MUL, LAND, LOR -> true;
            default -> false;
        };
    }

    private final class Converter implements ExprVisitor<Doc> {
        @Override
        public Doc lit(Expr.Lit e) {
            return Doc.atom(literal(e.value()));
        }

        @Override
        public Doc boolLit(Expr.BoolLit e) {
            return Doc.atom(e.value() ? "true" : "false");
        }

        @Override
        public Doc paramRef(Expr.ParamRef e) {
            // Specialized bodies have none; print the profile's value if one slips through.
            return Doc.atom(literal(in.param(e.name())));
        }

        @Override
        public Doc constRef(Expr.ConstRef e) {
            return Doc.atom(constants.apply(e.name()));
        }

        @Override
        public Doc argRef(Expr.ArgRef e) {
            return Doc.atom(CNames.arg(e.name()));
        }

        @Override
        public Doc enumLit(Expr.EnumLit e) {
            return Doc.atom(literal(in.eval(e, dev.sptegen.dsl.eval.Frame.EMPTY)));
        }

        @Override
        public Doc unary(Expr.Unary e) {
            if (e.op() == UnaryOp.LNOT && e.operand() instanceof Expr.BoolLit b) {
                return Doc.atom(b.value() ? "false" : "true");
            }
            return Doc.prefix(e.op().symbol(), operand(e.operand()));
        }

        @Override
        public Doc binary(Expr.Binary e) {
            BinaryOp op = e.op();
            if (op == BinaryOp.SHL && e.left() instanceof Expr.Lit one && one.value() == 1) {
                return Doc.call("BIT_ULL", List.of(e.right().accept(this)));
            }
            Boolean decided = decidedByRange(op, e.left(), e.right());
            if (decided != null) {
                return Doc.atom(decided.toString());
            }
            // checkpatch: no comparisons with true or false.
            if ((op == BinaryOp.EQ || op == BinaryOp.NE) && e.right() instanceof Expr.BoolLit b) {
                boolean keep = (op == BinaryOp.EQ) == b.value();
                return keep ? e.left().accept(this) : Doc.prefix("!", operand(e.left()));
            }
            List<Doc> items = new ArrayList<>();
            if (comparison(op)) {
                // !x == y reads as (!x) == y to the compiler but not to people (gcc -Wlogical-not-parentheses).
                items.add(comparand(e.left()));
                items.add(comparand(e.right()));
                return Doc.chain(op.symbol(), items);
            }
            if (associative(op)) {
                flatten(op, e, items);
            } else if ((op == BinaryOp.SHL || op == BinaryOp.SHR) && e.right() instanceof Expr.Lit amount) {
                // A shift count is a small number, written as the kernel writes it: x >> 12.
                items.add(operand(e.left()));
                items.add(Doc.atom(Long.toString(amount.value())));
            } else {
                items.add(operand(e.left()));
                items.add(operand(e.right()));
            }
            return Doc.chain(op.symbol(), items);
        }

        private void flatten(BinaryOp op, Expr e, List<Doc> items) {
            if (e instanceof Expr.Binary b && b.op() == op
                    && !(op == BinaryOp.SHL && b.left() instanceof Expr.Lit one && one.value() == 1)) {
                flatten(op, b.left(), items);
                flatten(op, b.right(), items);
            } else {
                items.add(operand(e));
            }
        }

        /**
         * An unsigned comparison with 0 or all ones on a side where nothing can be below or above it:
         * its value, which -Wtype-limits would call always true or always false; null otherwise.
         */
        private Boolean decidedByRange(BinaryOp op, Expr l, Expr r) {
            return switch (op) {
                case LE -> extreme(l, 0) || extreme(r, -1) ? Boolean.TRUE : null;
                case GE -> extreme(r, 0) || extreme(l, -1) ? Boolean.TRUE : null;
                case LT -> extreme(r, 0) || extreme(l, -1) ? Boolean.FALSE : null;
                case GT -> extreme(l, 0) || extreme(r, -1) ? Boolean.FALSE : null;
                default -> null;
            };
        }

        /** Whether the expression reads no argument and has the value. */
        private boolean extreme(Expr e, long value) {
            if (e instanceof Expr.Lit l) {
                return l.value() == value;
            }
            return Support.forProfile(in).isClosed(e) && in.eval(e, dev.sptegen.dsl.eval.Frame.EMPTY) == value;
        }

        /** An operand of a comparison: parenthesized if it is an operation or a negation. */
        private Doc comparand(Expr e) {
            Doc d = operand(e);
            return d instanceof Doc.Prefix ? Doc.group(d) : d;
        }

        /** An operand of an operator: parenthesized if it is itself an operation. */
        private Doc operand(Expr e) {
            Doc d = e.accept(this);
            return d instanceof Doc.Chain || d instanceof Doc.Cond ? Doc.group(d) : d;
        }

        @Override
        public Doc cond(Expr.Cond e) {
            return Doc.cond(operand(e.test()), operand(e.then()), operand(e.otherwise()));
        }

        @Override
        public Doc call(Expr.Call e) {
            List<Doc> args = new ArrayList<>();
            for (Expr a : e.args()) {
                args.add(a.accept(this));
            }
            return Doc.call(functions.apply(e.function()), args);
        }

        @Override
        public Doc genmask(Expr.Genmask e) {
            return Doc.call("GENMASK_ULL", List.of(e.high().accept(this), e.low().accept(this)));
        }

        @Override
        public Doc fieldGet(Expr.FieldGet e) {
            return lowerGet(in.field(e.field()), e.word()).accept(this);
        }

        @Override
        public Doc fieldPut(Expr.FieldPut e) {
            return lowerPut(in.field(e.field()), e.word(), e.value()).accept(this);
        }

        @Override
        public Doc fieldMask(Expr.FieldMask e) {
            return Doc.atom(literal(in.field(e.field()).mask()));
        }
    }

    /** A field read as plain operations: each part masked, shifted down, and placed after the previous parts. */
    static Expr lowerGet(FieldBits f, Expr word) {
        Expr out = null;
        int offset = 0;
        for (FieldBits.Part p : f.parts()) {
            Expr part = word.and(new Expr.Lit(p.mask()));
            if (p.low() > 0) {
                part = part.shr(p.low());
            }
            if (offset > 0) {
                part = part.shl(offset);
            }
            out = out == null ? part : out.or(part);
            offset += p.width();
        }
        return out == null ? new Expr.Lit(0) : out;
    }

    /** A field write as plain operations: clear the field, then place each part of the value. */
    static Expr lowerPut(FieldBits f, Expr word, Expr value) {
        Expr out = word.and(new Expr.Lit(~f.mask()));
        int offset = 0;
        for (FieldBits.Part p : f.parts()) {
            Expr v = offset > 0 ? value.shr(offset) : value;
            out = out.or((p.low() > 0 ? v.shl(p.low()) : v).and(new Expr.Lit(p.mask())));
            offset += p.width();
        }
        return out;
    }
}
