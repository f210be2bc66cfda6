package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Arg;
import java.util.Arrays;
import java.util.List;

/** The named argument values of one evaluation; the interpreter resolves names to positions once per expression. */
public final class Frame {
    /** A frame with no arguments, for constants and static invariants. */
    public static final Frame EMPTY = new Frame(new String[0], new long[0]);

    private final String[] names;
    private final long[] values;

    private Frame(String[] names, long[] values) {
        this.names = names;
        this.values = values;
    }

    public static Frame of(List<Arg> args, long... values) {
        if (args.size() != values.length) {
            throw new EvalException("expected " + args.size() + " argument(s), got " + values.length);
        }
        String[] names = new String[args.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = args.get(i).name();
        }
        return new Frame(names, values.clone());
    }

    public static Frame of(String[] names, long... values) {
        if (names.length != values.length) {
            throw new EvalException("expected " + names.length + " argument(s), got " + values.length);
        }
        return new Frame(names.clone(), values.clone());
    }

    /** A frame over arrays the caller promises not to change while the frame is in use (no copies). */
    public static Frame shared(String[] names, long[] values) {
        if (names.length != values.length) {
            throw new EvalException("expected " + names.length + " argument(s), got " + values.length);
        }
        return new Frame(names, values);
    }

    /** The names of a list of arguments, for {@link #shared}. */
    public static String[] names(List<Arg> args) {
        String[] names = new String[args.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = args.get(i).name();
        }
        return names;
    }

    /** This frame plus one more named value (the {@code result} of a maker). */
    public Frame with(String name, long value) {
        String[] n = Arrays.copyOf(names, names.length + 1);
        long[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[values.length] = value;
        return new Frame(n, v);
    }

    String[] names() {
        return names;
    }

    /** The values themselves, not a copy: the interpreter reads them and never writes. */
    long[] values() {
        return values;
    }
}
