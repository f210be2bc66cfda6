package dev.sptegen.cli;

/** A bad command-line argument or input value: reported in one line, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
