package dev.sptegen.tools.trace;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Opens trace text and refuses what is not text: empty input, binary data (a trace.dat), bad UTF-8. */
public final class TraceInput {
    private static final int SNIFF = 8192;

    private TraceInput() {
    }

    /** The input as lines; {@code name} is used in messages. */
    public static BufferedReader open(InputStream raw, String name) throws TraceInputException, IOException {
        PushbackInputStream in = new PushbackInputStream(raw, SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        if (head.length == 0) {
            throw new TraceInputException(name + " is empty");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new TraceInputException(name + " is binary (a trace.dat? convert it with: trace-cmd report)");
            }
        }
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
        return new BufferedReader(new InputStreamReader(all, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
