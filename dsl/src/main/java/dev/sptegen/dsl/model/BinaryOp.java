package dev.sptegen.dsl.model;

/**
 * Operators with two operands. All word arithmetic is unsigned and wraps modulo 2^64; shifts by 64
 * or more give 0 (unlike C and Java, where such shifts are undefined or masked).
 */
public enum BinaryOp {
    AND("&", Type.U64, Type.U64, Precedence.BIT_AND),
    OR("|", Type.U64, Type.U64, Precedence.BIT_OR),
    XOR("^", Type.U64, Type.U64, Precedence.BIT_XOR),
    SHL("<<", Type.U64, Type.U64, Precedence.SHIFT),
    /** Logical (unsigned) right shift. */
    SHR(">>", Type.U64, Type.U64, Precedence.SHIFT),
    ADD("+", Type.U64, Type.U64, Precedence.ADDITIVE),
    SUB("-", Type.U64, Type.U64, Precedence.ADDITIVE),
    MUL("*", Type.U64, Type.U64, Precedence.MULTIPLICATIVE),
    EQ("==", Type.U64, Type.BOOL, Precedence.EQUALITY),
    NE("!=", Type.U64, Type.BOOL, Precedence.EQUALITY),
    /** Unsigned comparisons. */
    LT("<", Type.U64, Type.BOOL, Precedence.RELATIONAL),
    LE("<=", Type.U64, Type.BOOL, Precedence.RELATIONAL),
    GT(">", Type.U64, Type.BOOL, Precedence.RELATIONAL),
    GE(">=", Type.U64, Type.BOOL, Precedence.RELATIONAL),
    LAND("&&", Type.BOOL, Type.BOOL, Precedence.LOGICAL_AND),
    LOR("||", Type.BOOL, Type.BOOL, Precedence.LOGICAL_OR);

    /** Binding strength, as in C and Java (higher binds tighter). */
    public enum Precedence {
        LOGICAL_OR, LOGICAL_AND, BIT_OR, BIT_XOR, BIT_AND, EQUALITY, RELATIONAL, SHIFT, ADDITIVE, MULTIPLICATIVE
    }

    private final String symbol;
    private final Type operand;
    private final Type result;
    private final Precedence precedence;

    BinaryOp(String symbol, Type operand, Type result, Precedence precedence) {
        this.symbol = symbol;
        this.operand = operand;
        this.result = result;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    /** Type both operands must have; EQ and NE also accept two booleans. */
    public Type operand() {
        return operand;
    }

    public Type result() {
        return result;
    }

    public Precedence precedence() {
        return precedence;
    }

    /** Operators whose operands may be swapped without changing the result. */
    public boolean commutative() {
        return switch (this) {
            case AND, OR, XOR, ADD, MUL, EQ, NE, LAND, LOR -> true;
            default -> false;
        };
    }
}
