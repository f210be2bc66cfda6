package dev.sptegen.dsl.model;

/**
 * Visits every node of an expression once, parents before children. Subclasses override
 * {@link #visit(Expr)} and read the node they care about.
 */
public abstract class ExprWalker {

    /** Called for every node. */
    protected abstract void visit(Expr e);

    public final void walk(Expr e) {
        visit(e);
        if (e instanceof Expr.Unary u) {
            walk(u.operand());
        } else if (e instanceof Expr.Binary b) {
            walk(b.left());
            walk(b.right());
        } else if (e instanceof Expr.Cond c) {
            walk(c.test());
            walk(c.then());
            walk(c.otherwise());
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(this::walk);
        } else if (e instanceof Expr.Genmask g) {
            walk(g.high());
            walk(g.low());
        } else if (e instanceof Expr.FieldGet f) {
            walk(f.word());
        } else if (e instanceof Expr.FieldPut f) {
            walk(f.word());
            walk(f.value());
        }
    }
}
