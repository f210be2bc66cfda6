package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares expressions of the old and the new spec node by node, reading names through the
 * renames. Two readings:
 * <ul>
 * <li>{@link #sameText}: the same declaration, whatever the values of what it reads; this is what
 *     "redefined" means in the report.</li>
 * <li>{@link #sameMeaning}: the same declaration over the same values (constants, parameters,
 *     fields, enum codes and called functions all equal in this profile). This proves equal
 *     meaning without evaluating anything; when it fails, the differ evaluates.</li>
 * </ul>
 */
final class Equivalence {
    private final Interpreter a;
    private final Interpreter b;
    private final Renames renames;
    private final Map<String, Boolean> functions = new HashMap<>();

    Equivalence(Interpreter a, Interpreter b, Renames renames) {
        this.a = a;
        this.b = b;
        this.renames = renames;
    }

    boolean sameText(Expr x, Expr y) {
        return new Walk(false).same(x, y);
    }

    boolean sameMeaning(Expr x, Expr y) {
        return new Walk(true).same(x, y);
    }

    boolean sameText(Optional<Expr> x, Optional<Expr> y) {
        return x.isPresent() == y.isPresent() && (x.isEmpty() || sameText(x.get(), y.get()));
    }

    boolean sameMeaning(Optional<Expr> x, Optional<Expr> y) {
        return x.isPresent() == y.isPresent() && (x.isEmpty() || sameMeaning(x.get(), y.get()));
    }

    /** Same arguments (names and domains), precondition and body over the same values. */
    boolean sameFunction(Function x, Function y) {
        String key = x.name() + "\u0000" + y.name();
        Boolean known = functions.get(key);
        if (known != null) {
            return known;
        }
        functions.put(key, true); // specs have no recursion; this only stops a runaway cycle
        boolean same = x.returns() == y.returns() && sameArgs(x.args(), y.args(), true)
                && sameMeaning(x.requires(), y.requires()) && sameMeaning(x.body(), y.body());
        functions.put(key, same);
        return same;
    }

    boolean sameArgs(List<Arg> x, List<Arg> y, boolean values) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).name().equals(y.get(i).name()) || !sameDomain(x.get(i).domain(), y.get(i).domain(), values)) {
                return false;
            }
        }
        return true;
    }

    boolean sameDomain(ArgDomain x, ArgDomain y, boolean values) {
        if (x instanceof ArgDomain.Bits bx && y instanceof ArgDomain.Bits by) {
            return bx.address() == by.address() && new Walk(values).same(bx.width(), by.width());
        } else if (x instanceof ArgDomain.Produced px && y instanceof ArgDomain.Produced py) {
            return renames.toNew(px.view()).equals(py.view());
        }
        return x.equals(y);
    }

    /** Whether a constant has the same value on both sides (false if either side lacks it). */
    boolean sameConstantValue(String oldName, String newName) {
        Long x = value(a, oldName);
        Long y = value(b, newName);
        return x != null && x.equals(y);
    }

    /** Whether a field has the same bits on both sides. */
    boolean sameFieldBits(String oldName, String newName) {
        try {
            return a.layout().fields().containsKey(oldName) && b.layout().fields().containsKey(newName)
                    && a.field(oldName).parts().equals(b.field(newName).parts());
        } catch (EvalException e) {
            return false;
        }
    }

    private static Long value(Interpreter in, String name) {
        if (!in.layout().constants().containsKey(name)) {
            return null;
        }
        try {
            return in.constant(name);
        } catch (EvalException e) {
            return null;
        }
    }

    private Long enumCode(Interpreter in, Expr.EnumLit e) {
        EnumType t = in.spec().enums().get(e.enumName());
        return t == null ? null : t.byName(e.valueName()).map(EnumType.Value::code).orElse(null);
    }

    private final class Walk {
        private final boolean values;

        Walk(boolean values) {
            this.values = values;
        }

        boolean same(Expr x, Expr y) {
            if (x.getClass() != y.getClass()) {
                return false;
            }
            if (x instanceof Expr.Lit || x instanceof Expr.BoolLit || x instanceof Expr.ArgRef) {
                return x.equals(y);
            } else if (x instanceof Expr.ParamRef p) {
                String name = ((Expr.ParamRef) y).name();
                return p.name().equals(name) && (!values || sameParam(name));
            } else if (x instanceof Expr.ConstRef c) {
                String name = ((Expr.ConstRef) y).name();
                return renames.toNew(c.name()).equals(name) && (!values || sameConstantValue(c.name(), name));
            } else if (x instanceof Expr.EnumLit e) {
                Expr.EnumLit f = (Expr.EnumLit) y;
                return e.equals(f) && (!values || Objects.equals(enumCode(a, e), enumCode(b, f)));
            } else if (x instanceof Expr.Unary u) {
                Expr.Unary v = (Expr.Unary) y;
                return u.op() == v.op() && same(u.operand(), v.operand());
            } else if (x instanceof Expr.Binary p) {
                Expr.Binary q = (Expr.Binary) y;
                return p.op() == q.op() && same(p.left(), q.left()) && same(p.right(), q.right());
            } else if (x instanceof Expr.Cond p) {
                Expr.Cond q = (Expr.Cond) y;
                return same(p.test(), q.test()) && same(p.then(), q.then()) && same(p.otherwise(), q.otherwise());
            } else if (x instanceof Expr.Call p) {
                return call(p, (Expr.Call) y);
            } else if (x instanceof Expr.Genmask p) {
                Expr.Genmask q = (Expr.Genmask) y;
                return same(p.high(), q.high()) && same(p.low(), q.low());
            } else if (x instanceof Expr.FieldGet p) {
                Expr.FieldGet q = (Expr.FieldGet) y;
                return field(p.field(), q.field()) && same(p.word(), q.word());
            } else if (x instanceof Expr.FieldPut p) {
                Expr.FieldPut q = (Expr.FieldPut) y;
                return field(p.field(), q.field()) && same(p.word(), q.word()) && same(p.value(), q.value());
            }
            return field(((Expr.FieldMask) x).field(), ((Expr.FieldMask) y).field());
        }

        private boolean call(Expr.Call p, Expr.Call q) {
            if (!renames.toNew(p.function()).equals(q.function()) || p.args().size() != q.args().size()) {
                return false;
            }
            for (int i = 0; i < p.args().size(); i++) {
                if (!same(p.args().get(i), q.args().get(i))) {
                    return false;
                }
            }
            if (!values) {
                return true;
            }
            Function fx = a.layout().functions().get(p.function());
            Function fy = b.layout().functions().get(q.function());
            return fx != null && fy != null && sameFunction(fx, fy);
        }

        private boolean field(String oldName, String newName) {
            return renames.toNew(oldName).equals(newName) && (!values || sameFieldBits(oldName, newName));
        }

        private boolean sameParam(String name) {
            Long x = param(a, name);
            return x != null && x.equals(param(b, name));
        }

        private Long param(Interpreter in, String name) {
            return in.spec().parameters().containsKey(name) ? in.param(name) : null;
        }
    }
}
