package dev.sptegen.gen.java;

import java.util.List;

/**
 * Lays out an expression tree of printed pieces within a line width, breaking the outermost
 * operator chains, ternaries and calls first, with an 8-column continuation indent, the way a
 * person would wrap a long return statement. Shared by the Java emitters.
 */
final class Layout100 {
    /** Width available after the method's own indentation. */
    static final int WIDTH = 100 - 8;
    private static final int CONTINUATION = 8;

    private Layout100() {
    }

    /** A printed piece: text that cannot break, or a structure that can. */
    sealed interface Node permits Atom, Chain, Wrap, Ternary, CallNode {
        String flat();
    }

    /** Unbreakable text. */
    record Atom(String text) implements Node {
        @Override
        public String flat() {
            return text;
        }
    }

    /** {@code a op b op c}, broken before each operator. */
    record Chain(String op, List<Node> operands) implements Node {
        @Override
        public String flat() {
            StringBuilder b = new StringBuilder(operands.get(0).flat());
            for (int i = 1; i < operands.size(); i++) {
                b.append(' ').append(op).append(' ').append(operands.get(i).flat());
            }
            return b.toString();
        }
    }

    /** {@code prefix child suffix}, e.g. parentheses or a cast; breaks inside the child. */
    record Wrap(String prefix, Node child, String suffix) implements Node {
        @Override
        public String flat() {
            return prefix + child.flat() + suffix;
        }
    }

    /** {@code test ? then : otherwise}, broken before ? and :. */
    record Ternary(Node test, Node then, Node otherwise) implements Node {
        @Override
        public String flat() {
            return test.flat() + " ? " + then.flat() + " : " + otherwise.flat();
        }
    }

    /** {@code name(a, b)}, broken after the parenthesis with one argument per line. */
    record CallNode(String name, List<Node> args) implements Node {
        @Override
        public String flat() {
            return name + "(" + String.join(", ", args.stream().map(Node::flat).toList()) + ")";
        }
    }

    /** The node's text, starting at column {@code col} of a line indented by {@code base}. */
    static String render(Node n, int col, int base) {
        String flat = n.flat();
        if (col + flat.length() <= WIDTH || n instanceof Atom) {
            return flat;
        }
        int inner = base + CONTINUATION;
        String nl = "\n" + " ".repeat(inner);
        if (n instanceof Chain c) {
            StringBuilder b = new StringBuilder(render(c.operands().get(0), col, base));
            for (int i = 1; i < c.operands().size(); i++) {
                String lead = c.op() + " ";
                b.append(nl).append(lead).append(render(c.operands().get(i), inner + lead.length(), inner));
            }
            return b.toString();
        } else if (n instanceof Wrap w) {
            return w.prefix() + render(w.child(), col + w.prefix().length(), base) + w.suffix();
        } else if (n instanceof Ternary t) {
            return render(t.test(), col, base)
                    + nl + "? " + render(t.then(), inner + 2, inner)
                    + nl + ": " + render(t.otherwise(), inner + 2, inner);
        }
        CallNode call = (CallNode) n;
        StringBuilder b = new StringBuilder(call.name()).append('(');
        for (int i = 0; i < call.args().size(); i++) {
            b.append(nl).append(render(call.args().get(i), inner, inner)).append(i + 1 < call.args().size() ? "," : ")");
        }
        return b.toString();
    }
}
