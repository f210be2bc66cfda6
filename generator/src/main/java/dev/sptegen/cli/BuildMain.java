package dev.sptegen.cli;

import java.io.PrintWriter;

/**
 * Entry point for running sptegen inside the Maven JVM (exec:java): like {@link Sptegen#main} but
 * reports failure by throwing, never by System.exit, which would end the build's JVM.
 */
public final class BuildMain {
    private BuildMain() {
    }

    public static void main(String[] args) {
        int code = Sptegen.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != ExitCodes.OK) {
            throw new IllegalStateException("sptegen " + String.join(" ", args) + " failed with exit code " + code);
        }
    }
}
