package dev.sptegen.dsl.model;

/** Operators with one operand. */
public enum UnaryOp {
    /** Bitwise complement of a word. */
    NOT("~", Type.U64, Type.U64),
    /** Logical negation of a boolean. */
    LNOT("!", Type.BOOL, Type.BOOL);

    private final String symbol;
    private final Type operand;
    private final Type result;

    UnaryOp(String symbol, Type operand, Type result) {
        this.symbol = symbol;
        this.operand = operand;
        this.result = result;
    }

    public String symbol() {
        return symbol;
    }

    public Type operand() {
        return operand;
    }

    public Type result() {
        return result;
    }
}
