package dev.sptegen.gen.java;

import dev.sptegen.dsl.eval.CallInliner;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.eval.Specializer;
import dev.sptegen.dsl.eval.Support;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.UnaryOp;
import dev.sptegen.gen.java.Layout100.Atom;
import dev.sptegen.gen.java.Layout100.CallNode;
import dev.sptegen.gen.java.Layout100.Chain;
import dev.sptegen.gen.java.Layout100.Node;
import dev.sptegen.gen.java.Layout100.Ternary;
import dev.sptegen.gen.java.Layout100.Wrap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a specialized expression as Java: constants by name, calls to the generated methods, field
 * reads through the generated getters, unsigned comparisons where a value can exceed 2^63, and
 * parentheses wherever operators of different kinds meet, as a careful person would write them.
 */
final class JavaExpr {
    private static final int ATOM = 100;
    private static final int UNARY = 13;
    private static final int TERNARY = 1;

    /** A printed sub-expression: layout node, Java type and binding strength of its top operator. */
    record Printed(Node node, JavaType type, int precedence) {
    }

    private final Interpreter in;
    private final Specializer specializer;
    private final CallInliner calls;
    private final Support bits;
    private final Map<String, JavaType> args;
    private final String qualifier;
    private final Set<String> branchFreeUsed;

    /**
     * @param qualifier prefix of generated names: empty inside the runtime class, {@code Ept.} in a suite
     */
    JavaExpr(Interpreter in, Map<String, JavaType> args, String qualifier) {
        this(in, args, qualifier, new HashSet<>());
    }

    /** @param branchFreeUsed collects the {@code BranchFree} tests the printed expressions call */
    JavaExpr(Interpreter in, Map<String, JavaType> args, String qualifier, Set<String> branchFreeUsed) {
        this.branchFreeUsed = branchFreeUsed;
        this.in = in;
        this.specializer = new Specializer(in);
        this.calls = new CallInliner(in, specializer);
        this.bits = Support.forProfile(in);
        this.args = args;
        this.qualifier = qualifier;
    }

    /** The expression as text starting at column {@code col}, wrapped to the line width. */
    String render(Expr e, int col) {
        return Layout100.render(print(e).node(), col, 0);
    }

    /**
     * A boolean expression as the value a method returns: its word equality tests go through the
     * generated {@code BranchFree} class, so callers that count or combine the result get no branch.
     */
    String renderValue(Expr e, int col) {
        return Layout100.render(e.accept(new Visitor(true)).node(), col, 0);
    }

    Printed print(Expr e) {
        return e.accept(new Visitor(false));
    }

    /** Whether the expression calls a function. */
    private static boolean hasCall(Expr e) {
        boolean[] found = {false};
        new dev.sptegen.dsl.model.ExprWalker() {
            @Override
            protected void visit(Expr x) {
                found[0] |= x instanceof Expr.Call;
            }
        }.walk(e);
        return found[0];
    }

    /**
     * Whether evaluating the whole expression costs about as much as a branch: a few nodes, no
     * conditional, and calls only of functions that are themselves cheap.
     */
    private boolean cheap(Expr e) {
        return cheap(e, 2);
    }

    private boolean cheap(Expr e, int depth) {
        int[] nodes = {0};
        boolean[] ok = {true};
        new dev.sptegen.dsl.model.ExprWalker() {
            @Override
            protected void visit(Expr x) {
                nodes[0]++;
                if (x instanceof Expr.Cond) {
                    ok[0] = false;
                } else if (x instanceof Expr.Call c) {
                    ok[0] &= depth > 0 && in.memo(List.of("java-cheap", c.function()), () ->
                            cheap(specializer.body(in.layout().function(c.function())), depth - 1));
                }
            }
        }.walk(e);
        return ok[0] && nodes[0] <= 16;
    }

    static String literal(long v, JavaType type) {
        if (type == JavaType.INT) {
            return Long.toString(v);
        }
        return (v >= 0 && v < 10 ? Long.toString(v) : "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT)) + "L";
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case MUL -> 11;
            case ADD, SUB -> 10;
            case SHL, SHR -> 9;
            case LT, LE, GT, GE -> 8;
            case EQ, NE -> 7;
            case AND -> 6;
            case XOR -> 5;
            case OR -> 4;
            case LAND -> 3;
            case LOR -> 2;
        };
    }

    private static boolean bitwise(BinaryOp op) {
        return op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.XOR || op == BinaryOp.SHL || op == BinaryOp.SHR;
    }

    private final class Visitor implements ExprVisitor<Printed> {
        /** Whether this node's boolean value is what the method returns (then tests are printed branch-free). */
        private final boolean value;
        /** The visitor for operands whose value is not returned as is. */
        private final Visitor plain;

        Visitor(boolean value) {
            this.value = value;
            this.plain = value ? new Visitor(false) : this;
        }

        private Printed atom(String text, JavaType type) {
            return new Printed(new Atom(text), type, ATOM);
        }

        /** A child, in parentheses if it binds more loosely or mixes operator kinds confusingly. */
        private Node operand(Printed child, int needed, boolean clarify) {
            boolean wrap = child.precedence() < needed || (clarify && child.precedence() < ATOM && child.precedence() != UNARY);
            return wrap ? new Wrap("(", child.node(), ")") : child.node();
        }

        /** A literal printed for comparison with an int (a paging level) when it fits. */
        private Printed sameKind(Expr e, Printed other) {
            if (other.type() == JavaType.INT && e instanceof Expr.Lit l && l.value() >= 0 && l.value() <= Integer.MAX_VALUE) {
                return atom(literal(l.value(), JavaType.INT), JavaType.INT);
            }
            return e.accept(plain);
        }

        @Override
        public Printed lit(Expr.Lit e) {
            return atom(literal(e.value(), JavaType.LONG), JavaType.LONG);
        }

        @Override
        public Printed boolLit(Expr.BoolLit e) {
            return atom(Boolean.toString(e.value()), JavaType.BOOLEAN);
        }

        @Override
        public Printed paramRef(Expr.ParamRef e) {
            long v = in.param(e.name());
            return in.spec().parameters().get(e.name()).type() == dev.sptegen.dsl.model.Type.BOOL
                    ? atom(Boolean.toString(v != 0), JavaType.BOOLEAN) : atom(literal(v, JavaType.LONG), JavaType.LONG);
        }

        @Override
        public Printed constRef(Expr.ConstRef e) {
            return atom(qualifier + JavaNames.constant(e.name()), JavaType.of(in.layout().constant(e.name()).type()));
        }

        @Override
        public Printed argRef(Expr.ArgRef e) {
            return atom(JavaNames.argument(e.name()), args.getOrDefault(e.name(), JavaType.LONG));
        }

        @Override
        public Printed enumLit(Expr.EnumLit e) {
            return atom(qualifier + JavaNames.enumConstant(e.enumName(), e.valueName()), JavaType.LONG);
        }

        @Override
        public Printed unary(Expr.Unary e) {
            Printed x = e.operand().accept(e.op() == UnaryOp.LNOT ? this : plain);
            if (e.op() == UnaryOp.NOT && x.type() == JavaType.INT) {
                x = widened(x);
            }
            String op = e.op() == UnaryOp.NOT ? "~" : "!";
            return new Printed(new Wrap(op, operand(x, UNARY, false), ""), e.op() == UnaryOp.NOT ? JavaType.LONG
                    : JavaType.BOOLEAN, UNARY);
        }

        @Override
        public Printed binary(Expr.Binary e) {
            BinaryOp op = e.op();
            int p = precedence(op);
            switch (op) {
                case AND, OR, XOR, LAND, LOR -> {
                    boolean logical = op == BinaryOp.LAND || op == BinaryOp.LOR;
                    // Cheap, side-effect-free conditions are combined without branches: & and | let C2
                    // compute both and combine them, where && and || make it jump (measured in bench).
                    boolean eager = logical && cheap(e);
                    List<Node> operands = new ArrayList<>();
                    flatten(e, op, operands, p, eager);
                    JavaType t = logical ? JavaType.BOOLEAN : JavaType.LONG;
                    String symbol = eager ? (op == BinaryOp.LAND ? "&" : "|") : symbol(op);
                    return new Printed(new Chain(symbol, operands), t, eager ? precedence(op == BinaryOp.LAND
                            ? BinaryOp.AND : BinaryOp.OR) : p);
                }
                case LT, LE, GT, GE -> {
                    Printed l = e.left().accept(plain);
                    Printed r = sameKind(e.right(), l);
                    l = sameKind(e.left(), r);
                    if (small(e.left(), l) && small(e.right(), r)) {
                        return binaryNode(l, r, op, p);
                    }
                    Node call = new CallNode("Long.compareUnsigned", List.of(l.node(), r.node()));
                    return new Printed(new Chain(op.symbol(), List.of(call, new Atom("0"))), JavaType.BOOLEAN, p);
                }
                case EQ, NE -> {
                    Printed l = e.left().accept(plain);
                    Printed r = sameKind(e.right(), l);
                    l = sameKind(e.left(), r);
                    boolean words = l.type() == JavaType.LONG && r.type() == JavaType.LONG;
                    if (value && words) {
                        return branchFree(e, shiftedField(e));
                    }
                    return binaryNode(l, r, op, p);
                }
                default -> {
                    Printed l = e.left().accept(plain);
                    Printed r = e.right().accept(plain);
                    if (op == BinaryOp.SHL || op == BinaryOp.SHR) {
                        r = sameKind(e.right(), atom("", JavaType.INT));
                    }
                    return binaryNode(l, r, op, p);
                }
            }
        }

        /**
         * A word test as a call of the generated {@code BranchFree} class: {@code (x & M) != 0} as
         * {@code anySet(x, M)} ({@code bitSet} if M is one bit), {@code x == 0} as {@code isZero(x)},
         * any other as {@code equal(a, b)}; the {@code NonNegative} twin where the tested word is
         * proved below 2^63.
         */
        private Printed branchFree(Expr.Binary e, List<Node> field) {
            boolean eq = e.op() == BinaryOp.EQ;
            Expr left = e.left();
            Expr right = e.right();
            if (zero(left)) {
                left = e.right();
                right = e.left();
            }
            List<Node> operands;
            String test;
            if (zero(right) && left instanceof Expr.Binary and && and.op() == BinaryOp.AND) {
                boolean maskFirst = constant(and.left()) && !constant(and.right());
                Expr mask = maskFirst ? and.left() : and.right();
                operands = List.of(word(maskFirst ? and.right() : and.left()), word(mask));
                boolean oneBit = constant(mask) && Long.bitCount(in.eval(mask, Frame.EMPTY)) == 1;
                test = eq ? "noneSet" : oneBit ? "bitSet" : "anySet";
            } else if (field != null) {
                operands = field;
                test = eq ? "equal" : "notEqual";
            } else if (zero(right)) {
                operands = List.of(word(left));
                test = eq ? "isZero" : "nonZero";
            } else {
                operands = List.of(word(left), word(right));
                test = eq ? "equal" : "notEqual";
            }
            // A field shifted down is below 2^63; so is a ^ b or x & mask if neither operand has bit 63.
            boolean nonNegative = field != null
                    || (bits.possibleBitsThroughCalls(e.left()) | bits.possibleBitsThroughCalls(e.right())) >= 0;
            if (nonNegative && !test.equals("bitSet")) {
                test += BranchFreeEmitter.NON_NEGATIVE;
            }
            branchFreeUsed.add(test);
            return new Printed(new CallNode(qualifier + BranchFreeEmitter.NAME + "." + test, operands), JavaType.BOOLEAN, ATOM);
        }

        /** A literal or named constant that is 0 (on this profile). */
        private boolean zero(Expr e) {
            return constant(e) && in.eval(e, Frame.EMPTY) == 0;
        }

        /** An operand of a word test, widened if it is an int. */
        private Node word(Expr e) {
            Printed x = e.accept(plain);
            return (x.type() == JavaType.INT ? widened(x) : x).node();
        }

        /**
         * {@code (x & M) == V} with a contiguous mask M too wide for a 32-bit immediate, as the two
         * operands {@code (x >>> lo) & (M >>> lo)} and {@code V >>> lo} of a branch-free test: the
         * same test on the shifted field, with immediates instead of two 64-bit constants held in
         * registers across a counting loop (measured in bench: npt classify). As a jump condition the
         * masked comparison stays, one {@code and} and {@code cmp} (bench: npt roundTrip). Null for any
         * other comparison.
         */
        private List<Node> shiftedField(Expr.Binary e) {
            if (!(e.left() instanceof Expr.Binary and) || and.op() != BinaryOp.AND
                    || !constant(and.right()) || !constant(e.right())) {
                return null;
            }
            long mask = in.eval(and.right(), Frame.EMPTY);
            long value = in.eval(e.right(), Frame.EMPTY);
            int low = Long.numberOfTrailingZeros(mask);
            long field = mask == 0 ? 0 : mask >>> low;
            boolean contiguous = mask != 0 && (field & (field + 1)) == 0;
            boolean narrowImmediate = mask >= Integer.MIN_VALUE && mask <= Integer.MAX_VALUE;
            if (!contiguous || narrowImmediate || low == 0 || (value & ~mask) != 0) {
                return null;
            }
            Printed x = and.left().accept(plain);
            if (x.type() == JavaType.INT) {
                x = widened(x);
            }
            Node shifted = new Chain(">>>", List.of(operand(x, precedence(BinaryOp.SHR), true), new Atom(Integer.toString(low))));
            Node masked = new Chain("&", List.of(new Wrap("(", shifted, ")"), new Atom(literal(field, JavaType.LONG))));
            return List.of(masked, new Atom(literal(value >>> low, JavaType.LONG)));
        }

        /** A named constant or literal (not a parameter-dependent expression, which is folded already). */
        private boolean constant(Expr e) {
            return e instanceof Expr.Lit || e instanceof Expr.ConstRef;
        }

        private Printed binaryNode(Printed l, Printed r, BinaryOp op, int p) {
            boolean clarify = bitwise(op);
            if (op.result() == dev.sptegen.dsl.model.Type.U64 && l.type() == JavaType.INT) {
                // Words are 64 bits: an int on the left would make Java compute in 32.
                l = widened(l);
            }
            Node node = new Chain(symbol(op), List.of(operand(l, p, clarify), operand(r, p + 1, clarify)));
            JavaType t = op.result() == dev.sptegen.dsl.model.Type.BOOL ? JavaType.BOOLEAN : JavaType.LONG;
            return new Printed(node, t, p);
        }

        private Printed widened(Printed x) {
            return new Printed(new Wrap("(long) ", operand(x, UNARY, false), ""), JavaType.LONG, UNARY);
        }

        /** Values known to lie below 2^31, which compare the same signed and unsigned. */
        private boolean small(Expr e, Printed p) {
            if (p.type() == JavaType.INT) {
                return true;
            }
            if (e instanceof Expr.Lit || e instanceof Expr.ConstRef) {
                long v = in.eval(e, Frame.EMPTY);
                return v >= 0 && v <= Integer.MAX_VALUE;
            }
            return false;
        }

        private void flatten(Expr e, BinaryOp op, List<Node> out, int p, boolean eager) {
            if (e instanceof Expr.Binary b && b.op() == op) {
                flatten(b.left(), op, out, p, eager);
                flatten(b.right(), op, out, p, eager);
            } else {
                boolean logical = op == BinaryOp.LAND || op == BinaryOp.LOR;
                Printed x = e.accept(logical ? this : plain);
                // && inside || and & inside | are legal but easy to misread: parenthesize them;
                // comparisons inside && and || read fine bare, inside & and | they get parentheses.
                boolean clarify = logical && !eager ? x.precedence() <= precedence(BinaryOp.LAND) : x.precedence() != UNARY;
                out.add(operand(x, p + 1, clarify));
            }
        }

        private String symbol(BinaryOp op) {
            return op == BinaryOp.SHR ? ">>>" : op.symbol();
        }

        @Override
        public Printed cond(Expr.Cond e) {
            Printed t = test(e.test()).accept(plain);
            Printed a = e.then().accept(this);
            Printed b = e.otherwise().accept(this);
            // A word result if either branch is a word: an int branch is widened by Java.
            JavaType type = a.type() == b.type() ? a.type() : JavaType.LONG;
            return new Printed(new Ternary(operand(t, TERNARY + 1, false), operand(a, TERNARY + 1, false),
                    operand(b, TERNARY, false)), type, TERNARY);
        }

        /**
         * A condition that calls a one-comparison predicate, written out as that comparison: the
         * predicate itself returns through {@code BranchFree}, whose 0/1 value would cost a branch
         * condition a few instructions more than the comparison (measured in bench: npt roundTrip).
         */
        private Expr test(Expr t) {
            if (t instanceof Expr.Unary u && u.op() == UnaryOp.LNOT) {
                Expr inner = test(u.operand());
                return inner == u.operand() ? t : new Expr.Unary(UnaryOp.LNOT, inner);
            }
            if (t instanceof Expr.Call c) {
                Expr body = calls.inline(c);
                if (body instanceof Expr.Binary b && b.op().result() == dev.sptegen.dsl.model.Type.BOOL
                        && b.op() != BinaryOp.LAND && b.op() != BinaryOp.LOR && cheap(body) && !hasCall(body)) {
                    return body;
                }
            }
            return t;
        }

        @Override
        public Printed call(Expr.Call e) {
            Function f = in.layout().function(e.function());
            List<Node> actual = new ArrayList<>();
            for (int i = 0; i < e.args().size(); i++) {
                Arg formal = f.args().get(i);
                Expr x = e.args().get(i);
                JavaType want = JavaType.of(formal);
                if (want == JavaType.INT && x instanceof Expr.Lit l) {
                    actual.add(new Atom(Long.toString(l.value())));
                    continue;
                }
                Printed p = x.accept(plain);
                actual.add(want == JavaType.INT && p.type() != JavaType.INT
                        ? new Wrap("(int) ", operand(p, UNARY, false), "") : p.node());
            }
            return new Printed(new CallNode(qualifier + JavaNames.method(f.name()), actual), JavaType.of(f.returns()), ATOM);
        }

        @Override
        public Printed genmask(Expr.Genmask e) {
            Printed hi = e.high().accept(plain);
            Printed lo = e.low().accept(plain);
            Node high = new Chain(">>>", List.of(new Atom("-1L"), new Wrap("(", new Chain("-", List.of(new Atom("63"),
                    operand(hi, 11, false))), ")")));
            Node low = new Chain("<<", List.of(new Atom("-1L"), operand(lo, 10, false)));
            return new Printed(new Chain("&", List.of(new Wrap("(", high, ")"), new Wrap("(", low, ")"))), JavaType.LONG, 6);
        }

        @Override
        public Printed fieldGet(Expr.FieldGet e) {
            return new Printed(new CallNode(qualifier + JavaNames.getter(e.field()), List.of(e.word().accept(plain).node())),
                    JavaType.LONG, ATOM);
        }

        @Override
        public Printed fieldPut(Expr.FieldPut e) {
            return new Printed(new CallNode(qualifier + JavaNames.wither(e.field()),
                    List.of(e.word().accept(plain).node(), e.value().accept(plain).node())), JavaType.LONG, ATOM);
        }

        @Override
        public Printed fieldMask(Expr.FieldMask e) {
            return atom(literal(in.eval(e, Frame.EMPTY), JavaType.LONG), JavaType.LONG);
        }
    }
}
