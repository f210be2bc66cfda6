package dev.sptegen.dsl.eval;

/** An expression that has no value: an unknown name, a shift by 64 or more, an empty GENMASK, a cycle. */
public final class EvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvalException(String message) {
        super(message);
    }
}
