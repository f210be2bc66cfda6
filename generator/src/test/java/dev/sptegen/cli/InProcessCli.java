package dev.sptegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the sptegen command line in this JVM and captures what it prints. */
final class InProcessCli {
    /** Exit code and output of one run. */
    record Result(int code, String out, String err) {
        /** The run failed as a usage error should: exit 2, one line on stderr, nothing on stdout, no stack trace. */
        void assertUsageError(String expectedFragment) {
            assertEquals(ExitCodes.USAGE, code, () -> "exit code; stderr: " + err);
            assertEquals("", out, "stdout of a usage error");
            assertEquals(1, err.lines().count(), () -> "one line of error, got:\n" + err);
            assertTrue(err.startsWith("sptegen: "), err);
            assertTrue(err.contains(expectedFragment), () -> "expected '" + expectedFragment + "' in: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "stack trace in: " + err);
        }

        void assertOk() {
            assertEquals(ExitCodes.OK, code, () -> "exit code; stderr: " + err);
            assertEquals("", err, "stderr of a successful run");
        }
    }

    private InProcessCli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sptegen.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
