package dev.sptegen.tools.trace;

/** Input that cannot be checked at all; the message is one line for the user. */
public final class TraceInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public TraceInputException(String message) {
        super(message);
    }
}
