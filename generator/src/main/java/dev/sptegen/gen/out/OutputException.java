package dev.sptegen.gen.out;

/** The output directory cannot be written (not ours, not writable, I/O error). */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
