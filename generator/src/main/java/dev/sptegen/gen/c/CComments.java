package dev.sptegen.gen.c;

import java.util.ArrayList;
import java.util.List;

/** Kernel-style comments: word-wrapped text, one-line or block form. */
public final class CComments {
    /** Text width of comment lines, so that the line with its indentation stays short. */
    static final int TEXT_WIDTH = 72;

    private CComments() {
    }

    /** Words wrapped into lines of at most {@code width} characters (a long word gets a line of its own). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A comment at the given indentation: {@code /* text *}{@code /} or a block. */
    public static List<String> comment(String indent, String text) {
        String clean = text.replace("*/", "* /");
        List<String> words = wrap(clean, TEXT_WIDTH);
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() == 1 && indent.length() + words.get(0).length() + 6 <= 80) {
            return List.of(indent + "/* " + words.get(0) + " */");
        }
        List<String> out = new ArrayList<>();
        out.add(indent + "/*");
        for (String w : words) {
            out.add(indent + " * " + w);
        }
        out.add(indent + " */");
        return out;
    }

    /** A C string literal of the text. */
    public static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
