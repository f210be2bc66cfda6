package dev.sptegen.dsl.model;

import java.util.stream.Collectors;

/**
 * Prints an expression in the kernel's C-like notation, with the fewest parentheses that keep the
 * meaning ({@code BIT(11)}, {@code GENMASK(51, 12)}, {@code spte & shadow_mmio_mask}). Used in
 * messages, docs and diffs; never parsed back.
 */
public final class ExprPrinter implements ExprVisitor<String> {
    private static final ExprPrinter INSTANCE = new ExprPrinter();

    private ExprPrinter() {
    }

    public static String print(Expr e) {
        return e.accept(INSTANCE);
    }

    /** Decimal below 64 (bit numbers, shifts, widths), hex above: {@code 52}, {@code 0x5a0}. */
    public static String literal(long v) {
        return v >= 0 && v < 64 ? Long.toString(v) : "0x" + Long.toHexString(v);
    }

    @Override
    public String lit(Expr.Lit e) {
        return literal(e.value());
    }

    @Override
    public String boolLit(Expr.BoolLit e) {
        return Boolean.toString(e.value());
    }

    @Override
    public String paramRef(Expr.ParamRef e) {
        return e.name();
    }

    @Override
    public String constRef(Expr.ConstRef e) {
        return e.name();
    }

    @Override
    public String argRef(Expr.ArgRef e) {
        return e.name();
    }

    @Override
    public String enumLit(Expr.EnumLit e) {
        return e.enumName() + "." + e.valueName();
    }

    @Override
    public String unary(Expr.Unary e) {
        return e.op().symbol() + operand(e.operand(), Integer.MAX_VALUE);
    }

    @Override
    public String binary(Expr.Binary e) {
        if (e.op() == BinaryOp.SHL && e.left() instanceof Expr.Lit one && one.value() == 1) {
            return "BIT(" + print(e.right()) + ")";
        }
        int mine = e.op().precedence().ordinal();
        // Left-associative: the right operand needs parentheses at equal precedence.
        return operand(e.left(), mine) + " " + e.op().symbol() + " " + operand(e.right(), mine + 1);
    }

    @Override
    public String cond(Expr.Cond e) {
        return operand(e.test(), 0) + " ? " + operand(e.then(), 0) + " : " + operand(e.otherwise(), 0);
    }

    @Override
    public String call(Expr.Call e) {
        return e.function() + "(" + e.args().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String genmask(Expr.Genmask e) {
        return "GENMASK(" + print(e.high()) + ", " + print(e.low()) + ")";
    }

    @Override
    public String fieldGet(Expr.FieldGet e) {
        return "FIELD_GET(" + e.field() + ", " + print(e.word()) + ")";
    }

    @Override
    public String fieldPut(Expr.FieldPut e) {
        if (e.word() instanceof Expr.Lit zero && zero.value() == 0) {
            return "FIELD_PREP(" + e.field() + ", " + print(e.value()) + ")";
        }
        return "FIELD_PUT(" + e.field() + ", " + print(e.word()) + ", " + print(e.value()) + ")";
    }

    @Override
    public String fieldMask(Expr.FieldMask e) {
        return "MASK(" + e.field() + ")";
    }

    /** The operand, parenthesized if it binds more loosely than {@code minPrecedence}. */
    private String operand(Expr e, int minPrecedence) {
        String s = print(e);
        int own;
        if (e instanceof Expr.Binary b && !(b.op() == BinaryOp.SHL && b.left() instanceof Expr.Lit one && one.value() == 1)) {
            own = b.op().precedence().ordinal();
        } else if (e instanceof Expr.Cond) {
            own = -1;
        } else {
            return s;
        }
        return own < minPrecedence ? "(" + s + ")" : s;
    }
}
