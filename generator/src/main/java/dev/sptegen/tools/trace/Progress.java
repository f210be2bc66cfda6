package dev.sptegen.tools.trace;

import java.io.PrintWriter;

/** A line count on the terminal while a big trace is read; silent when output goes to a pipe or file. */
final class Progress {
    private static final long EVERY = 50_000;

    private final PrintWriter err;
    private final boolean on;
    private boolean shown;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.on = terminal;
    }

    void line(long n) {
        if (on && n % EVERY == 0) {
            err.print("\rsptegen trace: " + n + " lines read");
            err.flush();
            shown = true;
        }
    }

    void done() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
