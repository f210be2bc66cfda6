package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.BinaryOp;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.ExprPrinter;
import dev.sptegen.dsl.model.ExprVisitor;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import java.util.List;

/**
 * Checks one expression of one element: every name it uses exists (rule {@code unknown-reference},
 * including call arity) and every operator gets operands of the right type (rule {@code type}).
 * Returns the expression's type, or null where an error makes it unknown.
 */
final class ExprCheck implements ExprVisitor<Type> {
    private final Spec spec;
    private final Layout layout;
    private final List<Arg> args;
    private final String element;
    private final Problems problems;

    ExprCheck(Spec spec, Layout layout, List<Arg> args, String element, Problems problems) {
        this.spec = spec;
        this.layout = layout;
        this.args = args;
        this.element = element;
        this.problems = problems;
    }

    /** Checks the expression and that it has the expected type. */
    void expect(Expr e, Type expected, String what) {
        Type t = e.accept(this);
        if (t != null && t != expected) {
            problems.add(element, "type", what + " must be " + expected + " but " + ExprPrinter.print(e) + " is " + t);
        }
    }

    private void unknown(String message) {
        problems.add(element, "unknown-reference", message + " (on " + layout.vendor().id() + ")");
    }

    private Type operand(Expr e, Type expected, Expr in) {
        Type t = e.accept(this);
        if (t != null && t != expected) {
            problems.add(element, "type", "operand " + ExprPrinter.print(e) + " of " + ExprPrinter.print(in)
                    + " must be " + expected + " but is " + t);
        }
        return t;
    }

    @Override
    public Type lit(Expr.Lit e) {
        return Type.U64;
    }

    @Override
    public Type boolLit(Expr.BoolLit e) {
        return Type.BOOL;
    }

    @Override
    public Type paramRef(Expr.ParamRef e) {
        Parameter p = spec.parameters().get(e.name());
        if (p == null) {
            unknown("refers to unknown parameter '" + e.name() + "'");
            return null;
        }
        return p.type();
    }

    @Override
    public Type constRef(Expr.ConstRef e) {
        Constant c = layout.constants().get(e.name());
        if (c == null) {
            unknown("refers to unknown constant '" + e.name() + "'");
            return null;
        }
        return c.type();
    }

    @Override
    public Type argRef(Expr.ArgRef e) {
        for (Arg a : args) {
            if (a.name().equals(e.name())) {
                return a.type();
            }
        }
        unknown("refers to unknown argument '" + e.name() + "'"
                + (args.isEmpty() ? "; it takes no arguments" : "; its arguments are "
                + String.join(", ", args.stream().map(Arg::name).toList())));
        return null;
    }

    @Override
    public Type enumLit(Expr.EnumLit e) {
        EnumType t = spec.enums().get(e.enumName());
        if (t == null) {
            unknown("refers to unknown enum '" + e.enumName() + "'");
        } else if (t.byName(e.valueName()).isEmpty()) {
            unknown("refers to unknown value '" + e.valueName() + "' of enum " + e.enumName());
        }
        return Type.U64;
    }

    @Override
    public Type unary(Expr.Unary e) {
        operand(e.operand(), e.op().operand(), e);
        return e.op().result();
    }

    @Override
    public Type binary(Expr.Binary e) {
        if (e.op() == BinaryOp.EQ || e.op() == BinaryOp.NE) {
            Type l = e.left().accept(this);
            Type r = e.right().accept(this);
            if (l != null && r != null && l != r) {
                problems.add(element, "type", "operands of " + ExprPrinter.print(e) + " have different types: "
                        + l + " and " + r);
            }
            return Type.BOOL;
        }
        operand(e.left(), e.op().operand(), e);
        operand(e.right(), e.op().operand(), e);
        return e.op().result();
    }

    @Override
    public Type cond(Expr.Cond e) {
        operand(e.test(), Type.BOOL, e);
        Type a = e.then().accept(this);
        Type b = e.otherwise().accept(this);
        if (a != null && b != null && a != b) {
            problems.add(element, "type", "branches of " + ExprPrinter.print(e) + " have different types: "
                    + a + " and " + b);
            return null;
        }
        return a != null ? a : b;
    }

    @Override
    public Type call(Expr.Call e) {
        Function f = layout.functions().get(e.function());
        if (f == null) {
            unknown("calls unknown function '" + e.function() + "'");
            e.args().forEach(a -> a.accept(this));
            return null;
        }
        if (f.args().size() != e.args().size()) {
            unknown("calls " + f.name() + " with " + e.args().size() + " argument(s); it takes "
                    + f.args().size());
            e.args().forEach(a -> a.accept(this));
            return f.returns();
        }
        for (int i = 0; i < e.args().size(); i++) {
            Type t = e.args().get(i).accept(this);
            Type want = f.args().get(i).type();
            if (t != null && t != want) {
                problems.add(element, "type", "argument " + f.args().get(i).name() + " of " + f.name()
                        + " must be " + want + " but " + ExprPrinter.print(e.args().get(i)) + " is " + t);
            }
            if (f.args().get(i).domain() instanceof ArgDomain.Range r && !withinRange(e.args().get(i), r)) {
                problems.add(element, "range-argument", "passes " + ExprPrinter.print(e.args().get(i)) + " to argument "
                        + f.args().get(i).name() + " of " + f.name() + ", which takes " + r.min() + ".." + r.max()
                        + ": pass a range argument or a literal within it");
            }
        }
        return f.returns();
    }

    /**
     * A value known to lie in a range: a literal in it, or an argument whose own range is inside it.
     * Emitters pass range arguments as small integers, so nothing else may reach one.
     */
    private boolean withinRange(Expr actual, ArgDomain.Range range) {
        if (actual instanceof Expr.Lit l) {
            return l.value() >= range.min() && l.value() <= range.max();
        }
        if (actual instanceof Expr.ArgRef ref) {
            for (Arg a : args) {
                if (a.name().equals(ref.name()) && a.domain() instanceof ArgDomain.Range own) {
                    return own.min() >= range.min() && own.max() <= range.max();
                }
            }
        }
        return false;
    }

    @Override
    public Type genmask(Expr.Genmask e) {
        operand(e.high(), Type.U64, e);
        operand(e.low(), Type.U64, e);
        return Type.U64;
    }

    private void field(String name) {
        if (!layout.fields().containsKey(name)) {
            unknown("refers to unknown field '" + name + "'");
        }
    }

    @Override
    public Type fieldGet(Expr.FieldGet e) {
        field(e.field());
        operand(e.word(), Type.U64, e);
        return Type.U64;
    }

    @Override
    public Type fieldPut(Expr.FieldPut e) {
        field(e.field());
        operand(e.word(), Type.U64, e);
        operand(e.value(), Type.U64, e);
        return Type.U64;
    }

    @Override
    public Type fieldMask(Expr.FieldMask e) {
        field(e.field());
        return Type.U64;
    }
}
