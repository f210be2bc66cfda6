package dev.sptegen.gen.c;

import java.util.List;

/**
 * A C expression as a tree of layout choices: each node prints on one line when it fits, and
 * otherwise breaks between its parts, aligning continuation lines the way checkpatch wants.
 */
public sealed interface Doc {

    /** Text that never breaks: a name or literal. */
    record Atom(String text) implements Doc {
    }

    /** {@code ( inner )}. */
    record Group(Doc inner) implements Doc {
    }

    /** {@code op inner}, for ~ and !. */
    record Prefix(String op, Doc inner) implements Doc {
    }

    /** Operands joined by one binary operator. */
    record Chain(String op, List<Doc> items) implements Doc {
        public Chain {
            items = List.copyOf(items);
        }
    }

    /** {@code test ? then : otherwise}. */
    record Cond(Doc test, Doc then, Doc otherwise) implements Doc {
    }

    /** {@code name(args)}. */
    record Call(String name, List<Doc> args) implements Doc {
        public Call {
            args = List.copyOf(args);
        }
    }

    static Doc atom(String text) {
        return new Atom(text);
    }

    static Doc group(Doc inner) {
        return new Group(inner);
    }

    static Doc prefix(String op, Doc inner) {
        return new Prefix(op, inner);
    }

    static Doc chain(String op, List<Doc> items) {
        return new Chain(op, items);
    }

    static Doc cond(Doc test, Doc then, Doc otherwise) {
        return new Cond(test, then, otherwise);
    }

    static Doc call(String name, List<Doc> args) {
        return new Call(name, args);
    }

    /** The document on one line. */
    static String flat(Doc d) {
        if (d instanceof Atom a) {
            return a.text();
        } else if (d instanceof Group g) {
            return "(" + flat(g.inner()) + ")";
        } else if (d instanceof Prefix p) {
            return p.op() + flat(p.inner());
        } else if (d instanceof Chain c) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < c.items().size(); i++) {
                if (i > 0) {
                    b.append(' ').append(c.op()).append(' ');
                }
                b.append(flat(c.items().get(i)));
            }
            return b.toString();
        } else if (d instanceof Cond c) {
            return flat(c.test()) + " ? " + flat(c.then()) + " : " + flat(c.otherwise());
        }
        Call c = (Call) d;
        StringBuilder b = new StringBuilder(c.name()).append('(');
        for (int i = 0; i < c.args().size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(flat(c.args().get(i)));
        }
        return b.append(')').toString();
    }

    /** Leading whitespace that reaches {@code column}: tabs for full 8 columns, then spaces. */
    static String indent(int column) {
        return "\t".repeat(column / 8) + " ".repeat(column % 8);
    }

    /**
     * The document starting at {@code column} with {@code trail} characters to follow on its last
     * line; breaks only what does not fit in {@link CExprPrinter#WIDTH} columns.
     */
    static String render(Doc d, int column, int trail) {
        String f = flat(d);
        if (column + f.length() + trail <= CExprPrinter.WIDTH || d instanceof Atom) {
            return f;
        }
        if (d instanceof Group g) {
            return "(" + render(g.inner(), column + 1, trail + 1) + ")";
        } else if (d instanceof Prefix p) {
            return p.op() + render(p.inner(), column + p.op().length(), trail);
        } else if (d instanceof Chain c) {
            return fill(c.items(), " " + c.op(), column, column, trail);
        } else if (d instanceof Cond c) {
            return render(c.test(), column, 2) + " ?\n" + indent(column)
                    + render(c.then(), column, 2) + " :\n" + indent(column)
                    + render(c.otherwise(), column, trail);
        }
        Call c = (Call) d;
        int inner = column + c.name().length() + 1;
        return c.name() + "(" + fill(c.args(), ",", inner, inner, trail + 1) + ")";
    }

    /**
     * Items separated by {@code sep} (which ends a line when the list breaks), packed onto lines
     * that all start at {@code column}; {@code start} is where the first item begins.
     */
    private static String fill(List<Doc> items, String sep, int column, int start, int trail) {
        StringBuilder out = new StringBuilder();
        int at = start;
        boolean lineEmpty = true;
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            int after = last ? trail : sep.length();
            String f = flat(items.get(i));
            int need = (lineEmpty ? 0 : 1) + f.length() + after;
            if (!lineEmpty && at + need > CExprPrinter.WIDTH) {
                out.append('\n').append(indent(column));
                at = column;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                at++;
            }
            String r = render(items.get(i), at, after);
            out.append(r);
            int nl = r.lastIndexOf('\n');
            at = nl < 0 ? at + r.length() : visualWidth(r.substring(nl + 1));
            lineEmpty = false;
            if (!last) {
                out.append(sep);
                at += sep.length();
                if (nl >= 0) {
                    // After a broken item the next one starts a line of its own.
                    out.append('\n').append(indent(column));
                    at = column;
                    lineEmpty = true;
                }
            }
        }
        return out.toString();
    }

    /** Width of a line with tabs expanded to 8 columns. */
    static int visualWidth(String line) {
        int w = 0;
        for (char ch : line.toCharArray()) {
            w = ch == '\t' ? (w / 8 + 1) * 8 : w + 1;
        }
        return w;
    }
}
