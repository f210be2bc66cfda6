package dev.sptegen.dsl.model;

import java.util.List;
import java.util.Objects;

/**
 * An expression over 64-bit words and booleans. Expressions are plain data: the generator emits
 * them as Java and C, the interpreter evaluates them and the analyses reduce them to the bits they
 * depend on. The default methods only build bigger trees; they never evaluate anything.
 */
public sealed interface Expr {

    <R> R accept(ExprVisitor<R> visitor);

    /** A word literal. */
    record Lit(long value) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.lit(this);
        }
    }

    /** A boolean literal. */
    record BoolLit(boolean value) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.boolLit(this);
        }
    }

    /** The value of a spec parameter in the current profile. */
    record ParamRef(String name) implements Expr {
        public ParamRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.paramRef(this);
        }
    }

    /** The value of a named constant of the layout. */
    record ConstRef(String name) implements Expr {
        public ConstRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.constRef(this);
        }
    }

    /** An argument of the enclosing function, view predicate or invariant. */
    record ArgRef(String name) implements Expr {
        public ArgRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.argRef(this);
        }
    }

    /** The code of a named value of an enumeration, e.g. {@code ept_memtype.WB}. */
    record EnumLit(String enumName, String valueName) implements Expr {
        public EnumLit {
            Objects.requireNonNull(enumName, "enumName");
            Objects.requireNonNull(valueName, "valueName");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.enumLit(this);
        }
    }

    record Unary(UnaryOp op, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.unary(this);
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.binary(this);
        }
    }

    /** {@code test ? then : otherwise}. */
    record Cond(Expr test, Expr then, Expr otherwise) implements Expr {
        public Cond {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(otherwise, "otherwise");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.cond(this);
        }
    }

    /** A call of another declared function of the layout. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.call(this);
        }
    }

    /** The mask of bits {@code low..high} inclusive, as the kernel's {@code GENMASK_ULL(high, low)}. */
    record Genmask(Expr high, Expr low) implements Expr {
        public Genmask {
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(low, "low");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.genmask(this);
        }
    }

    /** The value of a field read out of a word; the parts of a split field are concatenated, lowest part first. */
    record FieldGet(String field, Expr word) implements Expr {
        public FieldGet {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(word, "word");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.fieldGet(this);
        }
    }

    /** The word with a field replaced by a value; value bits beyond the field's width are dropped. */
    record FieldPut(String field, Expr word, Expr value) implements Expr {
        public FieldPut {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.fieldPut(this);
        }
    }

    /** The mask of all bits of a field. */
    record FieldMask(String field) implements Expr {
        public FieldMask {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.fieldMask(this);
        }
    }

    // ---- fluent construction; these only build trees ----

    default Expr and(Expr other) {
        return new Binary(BinaryOp.AND, this, other);
    }

    default Expr and(long other) {
        return and(new Lit(other));
    }

    default Expr or(Expr other) {
        return new Binary(BinaryOp.OR, this, other);
    }

    default Expr or(long other) {
        return or(new Lit(other));
    }

    default Expr xor(Expr other) {
        return new Binary(BinaryOp.XOR, this, other);
    }

    default Expr shl(Expr amount) {
        return new Binary(BinaryOp.SHL, this, amount);
    }

    default Expr shl(long amount) {
        return shl(new Lit(amount));
    }

    default Expr shr(Expr amount) {
        return new Binary(BinaryOp.SHR, this, amount);
    }

    default Expr shr(long amount) {
        return shr(new Lit(amount));
    }

    default Expr plus(Expr other) {
        return new Binary(BinaryOp.ADD, this, other);
    }

    default Expr plus(long other) {
        return plus(new Lit(other));
    }

    default Expr minus(Expr other) {
        return new Binary(BinaryOp.SUB, this, other);
    }

    default Expr minus(long other) {
        return minus(new Lit(other));
    }

    default Expr times(Expr other) {
        return new Binary(BinaryOp.MUL, this, other);
    }

    default Expr eq(Expr other) {
        return new Binary(BinaryOp.EQ, this, other);
    }

    default Expr eq(long other) {
        return eq(new Lit(other));
    }

    default Expr ne(Expr other) {
        return new Binary(BinaryOp.NE, this, other);
    }

    default Expr ne(long other) {
        return ne(new Lit(other));
    }

    default Expr lt(Expr other) {
        return new Binary(BinaryOp.LT, this, other);
    }

    default Expr lt(long other) {
        return lt(new Lit(other));
    }

    default Expr le(Expr other) {
        return new Binary(BinaryOp.LE, this, other);
    }

    default Expr le(long other) {
        return le(new Lit(other));
    }

    default Expr gt(Expr other) {
        return new Binary(BinaryOp.GT, this, other);
    }

    default Expr gt(long other) {
        return gt(new Lit(other));
    }

    default Expr ge(Expr other) {
        return new Binary(BinaryOp.GE, this, other);
    }

    default Expr ge(long other) {
        return ge(new Lit(other));
    }

    /** Logical and (short-circuit in emitted code). */
    default Expr andAlso(Expr other) {
        return new Binary(BinaryOp.LAND, this, other);
    }

    /** Logical or (short-circuit in emitted code). */
    default Expr orElse(Expr other) {
        return new Binary(BinaryOp.LOR, this, other);
    }

    /** Bitwise complement. */
    default Expr inverted() {
        return new Unary(UnaryOp.NOT, this);
    }

    /** Logical negation. */
    default Expr negated() {
        return new Unary(UnaryOp.LNOT, this);
    }

    /** {@code this != 0}. */
    default Expr nonZero() {
        return ne(0);
    }

    /** {@code this == 0}. */
    default Expr isZero() {
        return eq(0);
    }

    /** {@code this & ~mask}. */
    default Expr clear(Expr mask) {
        return and(mask.inverted());
    }

    /** {@code (this & mask) != 0}. */
    default Expr anySet(Expr mask) {
        return and(mask).nonZero();
    }
}
