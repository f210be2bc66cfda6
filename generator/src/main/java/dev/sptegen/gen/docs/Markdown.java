package dev.sptegen.gen.docs;

/** Text made safe for a cell of a Markdown (GitHub) table. */
final class Markdown {
    private Markdown() {
    }

    /** Plain text: pipes escaped, line breaks folded. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip();
    }

    /** Code: in backticks, pipes still escaped (GitHub tables split on them even inside code). */
    static String code(String text) {
        return text.isEmpty() ? "" : "`" + text.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`";
    }
}
