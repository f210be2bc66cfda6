package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How the interpreter runs an expression: the tree is translated once into a tree of small closures,
 * one per node, each doing exactly what its node says, in the same order as the model reads, with no
 * folding. What is done once instead of on every run is only the finding of things by name: argument
 * names become positions in the frame, and named constants, parameters, enum values, fields and callees
 * are looked up on first use and kept (the interpreter's tables never change). Validation and the
 * emitters evaluate the same function bodies over millions of cases, and the lookups by name were most
 * of that time.
 */
final class Closures {
    /** One node, run over the argument values of its frame. */
    @FunctionalInterface
    interface Code {
        long run(long[] args);
    }

    /** The code of an expression, and the argument names its argument references were resolved against. */
    private record Compiled(String[] names, Code code) {
    }

    private final Interpreter in;
    // Keyed by identity: model nodes are compared by value in records, which hashes whole trees.
    private final Map<Expr, Compiled> expressions = new IdentityHashMap<>();
    private final Map<Function, Code> bodies = new IdentityHashMap<>();

    Closures(Interpreter in) {
        this.in = in;
    }

    /** The code of an expression evaluated in frames with these argument names. */
    Code of(Expr e, String[] names) {
        Compiled c = expressions.get(e);
        if (c != null && (c.names() == names || Arrays.equals(c.names(), names))) {
            return c.code();
        }
        Code code = compile(e, names);
        expressions.put(e, new Compiled(names, code));
        return code;
    }

    /** The code of a function's body, over its arguments in declaration order. */
    Code body(Function f, String[] names) {
        Code code = bodies.get(f);
        if (code == null) {
            code = compile(f.body(), names);
            bodies.put(f, code);
        }
        return code;
    }

    private Code compile(Expr e, String[] names) {
        if (e instanceof Expr.Lit l) {
            long v = l.value();
            return a -> v;
        } else if (e instanceof Expr.BoolLit b) {
            long v = b.value() ? 1L : 0L;
            return a -> v;
        } else if (e instanceof Expr.ArgRef r) {
            return argument(r.name(), names);
        } else if (e instanceof Expr.ConstRef c) {
            return new Once(() -> in.constant(c.name()));
        } else if (e instanceof Expr.ParamRef p) {
            return new Once(() -> in.param(p.name()));
        } else if (e instanceof Expr.EnumLit l) {
            return new Once(() -> in.enumCode(l));
        } else if (e instanceof Expr.Binary b) {
            return binary(b, compile(b.left(), names), compile(b.right(), names));
        } else if (e instanceof Expr.Unary u) {
            Code x = compile(u.operand(), names);
            return switch (u.op()) {
                case NOT -> a -> ~x.run(a);
                case LNOT -> a -> x.run(a) == 0 ? 1L : 0L;
            };
        } else if (e instanceof Expr.Cond c) {
            Code test = compile(c.test(), names);
            Code then = compile(c.then(), names);
            Code otherwise = compile(c.otherwise(), names);
            return a -> test.run(a) != 0 ? then.run(a) : otherwise.run(a);
        } else if (e instanceof Expr.Call c) {
            Code[] actual = new Code[c.args().size()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = compile(c.args().get(i), names);
            }
            return new Call(c.function(), actual);
        } else if (e instanceof Expr.Genmask g) {
            Code high = compile(g.high(), names);
            Code low = compile(g.low(), names);
            return a -> Interpreter.genmask(high.run(a), low.run(a));
        } else if (e instanceof Expr.FieldGet f) {
            Field field = new Field(f.field());
            Code word = compile(f.word(), names);
            return a -> field.bits().get(word.run(a));
        } else if (e instanceof Expr.FieldPut f) {
            Field field = new Field(f.field());
            Code word = compile(f.word(), names);
            Code value = compile(f.value(), names);
            return a -> {
                FieldBits bits = field.bits();
                long w = word.run(a);
                return bits.put(w, value.run(a));
            };
        }
        Field field = new Field(((Expr.FieldMask) e).field());
        return a -> field.bits().mask();
    }

    private static Code argument(String name, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                int index = i;
                return a -> a[index];
            }
        }
        return a -> {
            throw new EvalException("unknown argument '" + name + "'");
        };
    }

    private static Code binary(Expr.Binary e, Code l, Code r) {
        return switch (e.op()) {
            // Logical operators short-circuit, as in the emitted code.
            case LAND -> a -> l.run(a) == 0 ? 0L : (r.run(a) != 0 ? 1L : 0L);
            case LOR -> a -> l.run(a) != 0 ? 1L : (r.run(a) != 0 ? 1L : 0L);
            case AND -> a -> l.run(a) & r.run(a);
            case OR -> a -> l.run(a) | r.run(a);
            case XOR -> a -> l.run(a) ^ r.run(a);
            case SHL -> a -> {
                long x = l.run(a);
                return x << Interpreter.shiftAmount(r.run(a));
            };
            case SHR -> a -> {
                long x = l.run(a);
                return x >>> Interpreter.shiftAmount(r.run(a));
            };
            case ADD -> a -> l.run(a) + r.run(a);
            case SUB -> a -> l.run(a) - r.run(a);
            case MUL -> a -> l.run(a) * r.run(a);
            case EQ -> a -> l.run(a) == r.run(a) ? 1L : 0L;
            case NE -> a -> l.run(a) != r.run(a) ? 1L : 0L;
            case LT -> a -> Long.compareUnsigned(l.run(a), r.run(a)) < 0 ? 1L : 0L;
            case LE -> a -> Long.compareUnsigned(l.run(a), r.run(a)) <= 0 ? 1L : 0L;
            case GT -> a -> Long.compareUnsigned(l.run(a), r.run(a)) > 0 ? 1L : 0L;
            case GE -> a -> Long.compareUnsigned(l.run(a), r.run(a)) >= 0 ? 1L : 0L;
        };
    }

    /** A value found by name on the first run and kept; a lookup that fails is tried again next time. */
    private static final class Once implements Code {
        private final LongSupplier lookup;
        private boolean found;
        private long value;

        Once(LongSupplier lookup) {
            this.lookup = lookup;
        }

        @Override
        public long run(long[] args) {
            if (!found) {
                value = lookup.getAsLong();
                found = true;
            }
            return value;
        }
    }

    /** A field's bits, found on first use. */
    private final class Field {
        private final String name;
        private FieldBits bits;

        Field(String name) {
            this.name = name;
        }

        FieldBits bits() {
            if (bits == null) {
                bits = in.field(name);
            }
            return bits;
        }
    }

    /**
     * A call: the callee is found, its arity checked and its body compiled on the first run; every run
     * evaluates the arguments left to right.
     */
    private final class Call implements Code {
        private final String name;
        private final Code[] actual;
        private Function callee;
        private Code body;

        Call(String name, Code[] actual) {
            this.name = name;
            this.actual = actual;
        }

        @Override
        public long run(long[] args) {
            Function f = callee;
            if (f == null) {
                f = in.function(name);
                if (f.args().size() != actual.length) {
                    throw new EvalException(f.name() + " takes " + f.args().size() + " argument(s), called with "
                            + actual.length);
                }
                body = in.body(f);
                callee = f;
            }
            long[] values = new long[actual.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = actual[i].run(args);
            }
            return in.invoke(f, body, values);
        }
    }
}
