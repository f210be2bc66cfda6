package dev.sptegen.gen.c.install;

/** Why a kernel tree cannot take the generated selftests; the message is one line for the user. */
public final class InstallException extends Exception {
    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }
}
