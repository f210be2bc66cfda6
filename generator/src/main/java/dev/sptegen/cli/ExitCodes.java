package dev.sptegen.cli;

/** Exit codes of every subcommand. */
public final class ExitCodes {
    /** Done, and nothing is wrong. */
    public static final int OK = 0;
    /** Done, and what was checked is wrong: an invalid spec, an SPTE that breaks an invariant. */
    public static final int FINDINGS = 1;
    /** Bad arguments or unreadable input. */
    public static final int USAGE = 2;
    /** A bug in sptegen (an unexpected exception). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
